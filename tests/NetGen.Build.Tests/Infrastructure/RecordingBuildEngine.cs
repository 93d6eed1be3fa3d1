using System.Collections;
using System.Collections.Generic;
using Microsoft.Build.Framework;

namespace NetGen.Build.Tests.Infrastructure;

/// <summary>Just enough of MSBuild to run a task and read what it logged.</summary>
internal sealed class RecordingBuildEngine : IBuildEngine
{
    public List<string> Messages { get; } = [];

    public List<string> Warnings { get; } = [];

    public List<string> Errors { get; } = [];

    public bool ContinueOnError => false;

    public int LineNumberOfTaskNode => 0;

    public int ColumnNumberOfTaskNode => 0;

    public string ProjectFileOfTaskNode => "NetGen.Build.Tests.proj";

    public void LogMessageEvent(BuildMessageEventArgs e) => Messages.Add(e.Message ?? string.Empty);

    public void LogWarningEvent(BuildWarningEventArgs e) => Warnings.Add(e.Message ?? string.Empty);

    public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e.Message ?? string.Empty);

    public void LogCustomEvent(CustomBuildEventArgs e) => Messages.Add(e.Message ?? string.Empty);

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => false;
}
