using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace NetGen.Data.Text;

/// <summary>
/// The SpamAssassin public mail corpus (or any corpus laid out like it): raw e-mail messages, one
/// per file, in a <c>ham</c> folder (label 0, legitimate mail) and a <c>spam</c> folder (label 1).
/// <c>samples/Data/spam-assassin</c> holds 250 of each; its README says how they were chosen.
/// </summary>
/// <example>
/// <code>
/// var (train, validation, test) = SpamAssassin.Load("samples/Data/spam-assassin").Split(seed: 42);
/// var vocabulary = Vocabulary.Build(train.Texts, maxWords: 10_000);
/// using var x = Sequences.PadSequences(vocabulary.Encode(train.Texts), maxLength: 200);
/// using var y = train.LabelTensor();
/// </code>
/// </example>
public static class SpamAssassin
{
    /// <summary>The folder of legitimate messages, label 0.</summary>
    public const string HamFolder = "ham";

    /// <summary>The folder of spam messages, label 1.</summary>
    public const string SpamFolder = "spam";

    /// <summary>
    /// Reads every message of <c>ham</c> and <c>spam</c> under <paramref name="directory"/>, in
    /// ordinal order of file name (ham first), as its <c>Subject</c> followed by its body text:
    /// transfer encodings and character sets decoded, HTML reduced to text, attachments that are
    /// not text left out. Files whose names start with a dot are ignored.
    /// </summary>
    /// <param name="directory">The folder that holds <c>ham</c> and <c>spam</c>.</param>
    /// <returns>The texts, labels 0 (ham) and 1 (spam), each text's file, and the class names <c>ham</c> and <c>spam</c>.</returns>
    /// <exception cref="DirectoryNotFoundException"><paramref name="directory"/>, or its <c>ham</c> or <c>spam</c> folder, does not exist.</exception>
    /// <exception cref="DataFormatException">A folder holds no message, or a file is empty or not a mail message; the message names the file.</exception>
    public static LabeledTexts Load(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The SpamAssassin folder '{directory}' does not exist.");
        }

        var texts = new List<string>();
        var labels = new List<int>();
        var sources = new List<string>();
        string[] classes = [HamFolder, SpamFolder];
        var folders = classes.Select(name => Path.Combine(directory, name)).ToArray();
        var absent = Array.FindIndex(folders, static folder => !Directory.Exists(folder));
        if (absent >= 0)
        {
            throw new DirectoryNotFoundException($"'{directory}' has no '{classes[absent]}' folder; it needs '{HamFolder}' and '{SpamFolder}', one message per file.");
        }

        for (var label = 0; label < classes.Length; label++)
        {
            var files = Directory.EnumerateFiles(folders[label])
                .Where(static file => !Path.GetFileName(file).StartsWith('.'))
                .Order(StringComparer.Ordinal)
                .ToList();
            if (files.Count == 0)
            {
                throw new DataFormatException(folders[label], "holds no messages.");
            }

            foreach (var file in files)
            {
                texts.Add(MailText.Read(file));
                labels.Add(label);
                sources.Add(file);
            }
        }

        return new LabeledTexts(texts, labels, sources, classes);
    }
}
