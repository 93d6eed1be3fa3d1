using System;

namespace NetGen.Data.Images;

/// <summary>
/// One image's augmentation: rotation and shear in degrees, shifts in pixels, zoom factors, flip.
/// <see cref="SourceMatrix"/> maps an output pixel to the input point it samples.
/// </summary>
internal readonly record struct AffineParameters(double Rotation, double ShiftX, double ShiftY, double Shear, double ZoomX, double ZoomY, bool Flip)
{
    public static AffineParameters Identity => new(0, 0, 0, 0, 1, 1, false);

    public bool IsIdentityWarp => Rotation == 0 && ShiftX == 0 && ShiftY == 0 && Shear == 0 && ZoomX == 1 && ZoomY == 1;

    /// <summary>
    /// The 2x3 matrix, row-major, taking an output pixel (x = column, y = row) to the input point
    /// it is sampled from: Keras's rotation · shift · shear · zoom, about the image centre.
    /// </summary>
    public double[] SourceMatrix(int height, int width)
    {
        var theta = Rotation * Math.PI / 180;
        var shear = Shear * Math.PI / 180;
        var rotation = new[,] { { Math.Cos(theta), -Math.Sin(theta), 0 }, { Math.Sin(theta), Math.Cos(theta), 0 }, { 0, 0, 1.0 } };
        var shift = new[,] { { 1, 0, ShiftX }, { 0, 1, ShiftY }, { 0, 0, 1.0 } };
        var shearing = new[,] { { 1, -Math.Sin(shear), 0 }, { 0, Math.Cos(shear), 0 }, { 0, 0, 1.0 } };
        var zoom = new[,] { { ZoomX, 0, 0 }, { 0, ZoomY, 0 }, { 0, 0, 1.0 } };
        var centreX = (width - 1) / 2.0;
        var centreY = (height - 1) / 2.0;
        var toCentre = new[,] { { 1, 0, -centreX }, { 0, 1, -centreY }, { 0, 0, 1.0 } };
        var back = new[,] { { 1, 0, centreX }, { 0, 1, centreY }, { 0, 0, 1.0 } };
        var m = Multiply(back, Multiply(Multiply(Multiply(Multiply(rotation, shift), shearing), zoom), toCentre));
        return [m[0, 0], m[0, 1], m[0, 2], m[1, 0], m[1, 1], m[1, 2]];
    }

    private static double[,] Multiply(double[,] a, double[,] b)
    {
        var result = new double[3, 3];
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                result[i, j] = (a[i, 0] * b[0, j]) + (a[i, 1] * b[1, j]) + (a[i, 2] * b[2, j]);
            }
        }

        return result;
    }
}
