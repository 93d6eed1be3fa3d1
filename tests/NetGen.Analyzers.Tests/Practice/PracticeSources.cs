namespace NetGen.Analyzers.Tests.Practice;

/// <summary>The usings and the small network the practice-rule tests train, prepended to each test's method.</summary>
internal static class PracticeSources
{
    public const string Usings = """
        using System.Collections.Generic;
        using NetGen;
        using NetGen.Callbacks;
        using NetGen.Data;
        using NetGen.Data.Images;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        """;

    public const string Network = """

        [Network(Loss = Loss.BinaryCrossentropy)]
        [Input(30)]
        public partial class Net
        {
            [Dense(1, Activation.Sigmoid)] public partial Linear Output { get; }
        }
        """;

    /// <summary>A source file with <paramref name="body"/> (a class with the test's methods) and the network.</summary>
    public static string With(string body) => Usings + body + Network;
}
