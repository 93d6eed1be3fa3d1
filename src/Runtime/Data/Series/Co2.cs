using System;
using System.IO;

namespace NetGen.Data;

/// <summary>
/// Weekly atmospheric CO2 at Mauna Loa, March 1958 to December 2001 (ppmv), as shipped with
/// statsmodels (<c>statsmodels.datasets.co2</c>): 2,284 Saturdays, 59 of them without a
/// measurement, which <see cref="Load"/> fills by linear interpolation. The repository keeps a
/// copy in <c>samples/Data/co2</c> with its source and licence.
/// </summary>
public static class Co2
{
    /// <summary>The file's name.</summary>
    public const string FileName = "co2.csv";

    /// <summary>Where Debian's <c>python3-statsmodels</c> installs the file, tried when the copy beside the program is missing.</summary>
    public const string StatsmodelsPath = "/usr/lib/python3/dist-packages/statsmodels/datasets/co2/co2.csv";

    /// <summary>The copy a sample ships beside its program: <c>Data/co2/co2.csv</c> under the application's directory.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "Data", "co2", FileName);

    /// <summary>
    /// The series (feature <c>co2</c>, weekly), with the missing weeks interpolated linearly.
    /// </summary>
    /// <param name="path">The CSV file; <see cref="DefaultPath"/>, else <see cref="StatsmodelsPath"/>, when null.</param>
    /// <exception cref="FileNotFoundException">No file was found.</exception>
    public static TimeSeries Load(string? path = null)
    {
        path ??= File.Exists(DefaultPath) || !File.Exists(StatsmodelsPath) ? DefaultPath : StatsmodelsPath;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The CO2 series was not found at {path}: copy the repository's samples/Data/co2/{FileName} there (a sample's project links it into Data/co2), or install Debian's python3-statsmodels.",
                path);
        }

        return TimeSeries.LoadCsv(path, new TimeSeriesCsvOptions { DateColumn = "date", DateFormat = "yyyyMMdd", ValueColumns = ["co2"], Frequency = TimeSeriesFrequency.Weekly });
    }
}
