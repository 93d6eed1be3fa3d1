using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using NetGen.IO;

namespace NetGen.Data.Text;

/// <summary>
/// Words and their integer ids, built from training texts: what Keras's <c>Tokenizer(num_words,
/// oov_token)</c> with <c>fit_on_texts</c> and <c>texts_to_sequences</c>, or <c>TextVectorization</c>'s
/// <c>adapt</c>, give a Keras user. Id 0 is padding, id 1 stands for every word the vocabulary does
/// not hold, and the words follow from id 2, most frequent first. <see cref="Size"/> is the
/// <c>inputDim</c> an <c>[Embedding]</c> layer declares.
/// </summary>
/// <example>
/// <code>
/// var vocabulary = Vocabulary.Build(train.Texts, maxWords: 10_000);   // training texts only
/// using var x = Sequences.PadSequences(vocabulary.Encode(train.Texts), maxLength: 200);
/// network.SaveWeights("spam.safetensors", vocabulary);                  // weights and words, one file
/// var restored = Vocabulary.Load("spam.safetensors");
/// </code>
/// </example>
public sealed class Vocabulary
{
    /// <summary>The id that pads sequences to one length (<c>PadSequences</c>'s default value); no word has it.</summary>
    public const long PaddingId = 0;

    /// <summary>The id of every word outside the vocabulary (Keras's <c>oov_token</c>).</summary>
    public const long OutOfVocabularyId = 1;

    /// <summary>The token <see cref="Decode(IEnumerable{long}, bool)"/> writes for <see cref="PaddingId"/> (Keras's <c>""</c>).</summary>
    public const string PaddingToken = "";

    /// <summary>The token for <see cref="OutOfVocabularyId"/> (Keras <c>TextVectorization</c>'s <c>"[UNK]"</c>); a text's own <c>[UNK]</c> is out of vocabulary too.</summary>
    public const string OutOfVocabularyToken = "[UNK]";

    private const int ReservedIds = 2;

    private readonly string[] _words;
    private readonly Dictionary<string, long> _ids;

    private Vocabulary(string[] words, TextStandardization standardization)
    {
        _words = words;
        Standardization = standardization;
        _ids = new Dictionary<string, long>(words.Length, StringComparer.Ordinal);
        for (var id = ReservedIds; id < words.Length; id++)
        {
            _ids.Add(words[id], id);
        }
    }

    /// <summary>The number of ids, reserved ones included: the <c>inputDim</c> of the <c>[Embedding]</c> that reads the ids.</summary>
    public int Size => _words.Length;

    /// <summary>Every token by id: <see cref="PaddingToken"/>, <see cref="OutOfVocabularyToken"/>, then the words (Keras's <c>get_vocabulary()</c>).</summary>
    public IReadOnlyList<string> Words => _words;

    /// <summary>How texts are lower-cased, cleaned and split before their words are looked up.</summary>
    public TextStandardization Standardization { get; }

    /// <summary>
    /// Builds a vocabulary from <paramref name="texts"/>, which should be the training texts only:
    /// words seen only in validation or test texts must stay unknown, as they will be in use.
    /// </summary>
    /// <remarks>
    /// Words are ordered by how many times they occur, most frequent first; words that occur
    /// equally often keep the order in which they first appear in <paramref name="texts"/> (as
    /// Keras's <c>Tokenizer</c> orders them), so the same texts in the same order always give the
    /// same ids.
    /// </remarks>
    /// <param name="texts">The training texts.</param>
    /// <param name="maxWords">The largest <see cref="Size"/>, counting the two reserved ids, as Keras's
    /// <c>num_words</c> and <c>max_tokens</c> do: the <c>maxWords - 2</c> most frequent words are kept.
    /// Null keeps every word.</param>
    /// <param name="standardization">How texts become words; <see cref="TextStandardization.Default"/> when null.</param>
    /// <exception cref="ArgumentException">A text is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxWords"/> leaves no room for a word (below 3).</exception>
    public static Vocabulary Build(IEnumerable<string> texts, int? maxWords = null, TextStandardization? standardization = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (maxWords is < ReservedIds + 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxWords), maxWords, "maxWords counts the padding and out-of-vocabulary ids, so it must be at least 3 to hold a word.");
        }

        standardization ??= TextStandardization.Default;
        var counts = new Dictionary<string, (long Count, int FirstSeen)>(StringComparer.Ordinal);
        var index = 0;
        foreach (var text in texts)
        {
            if (text is null)
            {
                throw new ArgumentException($"Text {index} is null.", nameof(texts));
            }

            foreach (var token in standardization.Tokens(text))
            {
                if (token == OutOfVocabularyToken)
                {
                    continue;
                }

                counts[token] = counts.TryGetValue(token, out var seen) ? (seen.Count + 1, seen.FirstSeen) : (1, counts.Count);
            }

            index++;
        }

        var kept = counts
            .OrderByDescending(static pair => pair.Value.Count)
            .ThenBy(static pair => pair.Value.FirstSeen)
            .Select(static pair => pair.Key)
            .Take(maxWords is { } max ? max - ReservedIds : int.MaxValue);
        return new Vocabulary([PaddingToken, OutOfVocabularyToken, .. kept], standardization);
    }

    /// <summary>
    /// A vocabulary of given words, ids from 2 in the order given (Keras <c>TextVectorization</c>'s
    /// <c>vocabulary</c> argument): for a vocabulary that comes from elsewhere.
    /// </summary>
    /// <param name="words">Distinct tokens as <paramref name="standardization"/> produces them, without the reserved ones.</param>
    /// <param name="standardization">How texts become words; <see cref="TextStandardization.Default"/> when null.</param>
    /// <exception cref="ArgumentException">A word is null, empty, <see cref="OutOfVocabularyToken"/>, or repeated.</exception>
    public static Vocabulary FromWords(IEnumerable<string> words, TextStandardization? standardization = null)
    {
        ArgumentNullException.ThrowIfNull(words);
        var all = new List<string> { PaddingToken, OutOfVocabularyToken };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in words)
        {
            var problem = WordProblem(word, seen);
            if (problem is not null)
            {
                throw new ArgumentException($"Word {all.Count - ReservedIds} {problem}.", nameof(words));
            }

            all.Add(word);
        }

        return new Vocabulary([.. all], standardization ?? TextStandardization.Default);
    }

    /// <summary>The id of <paramref name="word"/> (a token as <see cref="Standardization"/> produces it), or <see cref="OutOfVocabularyId"/>.</summary>
    public long IdOf(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return _ids.TryGetValue(word, out var id) ? id : OutOfVocabularyId;
    }

    /// <summary>Whether <paramref name="word"/> has an id of its own.</summary>
    public bool Contains(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return _ids.ContainsKey(word);
    }

    /// <summary>The ids of <paramref name="text"/>'s tokens, unknown ones as <see cref="OutOfVocabularyId"/> (Keras's <c>texts_to_sequences</c> for one text).</summary>
    public long[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = Standardization.Tokens(text);
        var ids = new long[tokens.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = IdOf(tokens[i]);
        }

        return ids;
    }

    /// <summary>The ids of each text, one array per text, ready for <c>Sequences.PadSequences</c>.</summary>
    /// <exception cref="ArgumentException">A text is null.</exception>
    public long[][] Encode(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return texts.Select((text, index) => text is null ? throw new ArgumentException($"Text {index} is null.", nameof(texts)) : Encode(text)).ToArray();
    }

    /// <summary>
    /// The tokens of <paramref name="ids"/>, joined by spaces (nothing between characters when the
    /// vocabulary splits into characters); unknown words come back as <see cref="OutOfVocabularyToken"/>.
    /// </summary>
    /// <param name="ids">Ids from <see cref="Encode(string)"/> or a model's output.</param>
    /// <param name="skipPadding">Leaves out <see cref="PaddingId"/>, as padded sequences hold it.</param>
    /// <exception cref="ArgumentOutOfRangeException">An id is negative or not below <see cref="Size"/>.</exception>
    public string Decode(IEnumerable<long> ids, bool skipPadding = true)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var tokens = new List<string>();
        var position = 0;
        foreach (var id in ids)
        {
            if (id < 0 || id >= _words.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(ids), id, $"Id {position} is {id}, outside the vocabulary's {_words.Length} ids (0 to {_words.Length - 1}).");
            }

            if (!(skipPadding && id == PaddingId))
            {
                tokens.Add(_words[id]);
            }

            position++;
        }

        return string.Join(Standardization.Split == TokenSplit.Character ? "" : " ", tokens);
    }

    /// <summary>
    /// Writes the vocabulary, with its standardization, as a JSON file (replaced atomically).
    /// To keep it with a model's weights instead, pass it to
    /// <see cref="NetworkPersistence.SaveWeights(INetwork, string, Vocabulary)"/>.
    /// </summary>
    /// <param name="path">The file to create or replace; its directory is created if needed.</param>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        AtomicFile.Write(path, stream => VocabularyJson.Write(this, stream));
    }

    /// <summary>
    /// Reads a vocabulary saved by <see cref="Save"/>, or, from a <c>.safetensors</c> path, the one
    /// <see cref="NetworkPersistence.SaveWeights(INetwork, string, Vocabulary)"/> stored with the weights.
    /// It encodes every text exactly as the saved vocabulary did.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist, or the path is a directory.</exception>
    /// <exception cref="InvalidDataException">The file is not a vocabulary (or weights saved with one), or is damaged; the message names it.</exception>
    public static Vocabulary Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return WeightsFile.IsSafetensors(path) ? VocabularyJson.ReadFromWeights(path) : VocabularyJson.Read(path);
    }

    /// <summary>Builds a vocabulary from a saved token list, which <see cref="VocabularyJson"/> has checked.</summary>
    internal static Vocabulary Restore(string[] words, TextStandardization standardization) => new(words, standardization);

    /// <summary>Why <paramref name="word"/> cannot be a word of the vocabulary, or null when it can; adds it to <paramref name="seen"/>.</summary>
    internal static string? WordProblem(string? word, HashSet<string> seen) => word switch
    {
        null => "is null",
        PaddingToken => "is empty (the padding token)",
        OutOfVocabularyToken => $"is {OutOfVocabularyToken}, the out-of-vocabulary token",
        _ when !seen.Add(word) => $"'{word}' appears twice",
        _ => null,
    };

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Vocabulary of {Size} ids ({Size - ReservedIds} words)");
}
