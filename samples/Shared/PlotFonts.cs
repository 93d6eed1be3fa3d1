using System.IO;
using ScottPlot;

namespace NetGen.Samples;

/// <summary>
/// Gives ScottPlot a font when it finds none. The SkiaSharp native library the repository uses on
/// Linux (<c>SkiaSharp.NativeAssets.Linux.NoDependencies</c>, built without fontconfig) sees no
/// installed font, so ScottPlot's default font name is empty and every title, label, tick and
/// legend entry comes out blank. Registering a TrueType file by path and making it the default
/// brings the text back; where fonts are found, nothing changes.
/// </summary>
internal static class PlotFonts
{
    // Debian's fonts-dejavu-core and fonts-liberation; the first that exists is used.
    private static readonly (string Family, string Regular, string Bold)[] Candidates =
    [
        ("DejaVu Sans", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
        ("Liberation Sans", "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"),
    ];

    private static readonly object Gate = new();

    public static void Register()
    {
        lock (Gate)
        {
            if (!string.IsNullOrEmpty(Fonts.Default))
            {
                return;
            }

            foreach (var (family, regular, bold) in Candidates)
            {
                if (File.Exists(regular))
                {
                    Fonts.AddFontFile(family, regular, bold: false, italic: false);
                    Fonts.AddFontFile(family, File.Exists(bold) ? bold : regular, bold: true, italic: false);
                    Fonts.Default = family;
                    return;
                }
            }
        }
    }
}
