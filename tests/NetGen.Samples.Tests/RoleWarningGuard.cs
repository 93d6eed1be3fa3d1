using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using NetGen.Data;

namespace NetGen.Samples.Tests;

/// <summary>
/// The samples use their data as its roles say, so a data-role warning from <c>Evaluate</c> or a scaler's
/// <c>Fit</c> while they run is a false positive of the run-time checks: every test of this assembly fails on
/// one, with the warning as the message. (<c>Fit</c> prints its warnings to the sample's own output.)
/// </summary>
internal static class RoleWarningGuard
{
    [ModuleInitializer]
    internal static void FailOnRoleWarnings() => DataRoles.Output = new FailingWriter();

    private sealed class FailingWriter : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => throw Failure(value.ToString());

        public override void WriteLine(string? value) => throw Failure(value);

        private static InvalidOperationException Failure(string? text) =>
            new($"A sample got a data-role warning, which the samples' correct code must never get: {text}");
    }
}
