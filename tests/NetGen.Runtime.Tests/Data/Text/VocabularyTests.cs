using System;
using System.Linq;
using NetGen.Data.Text;

namespace NetGen.Runtime.Tests.Data.Text;

/// <summary>Building a vocabulary from texts, encoding and decoding, as Keras's <c>Tokenizer(oov_token=...)</c> does.</summary>
public sealed class VocabularyTests
{
    // TensorFlow's tokenizer tutorial: Tokenizer(num_words=100, oov_token="<OOV>") fitted on these
    // gives {"<OOV>": 1, "my": 2, "love": 3, "dog": 4, "i": 5, "you": 6, "cat": 7, "do": 8, "think": 9,
    // "is": 10, "amazing": 11} and encodes the two test sentences as [5, 1, 3, 2, 4] and [2, 4, 1, 2, 1].
    private static readonly string[] s_sentences = ["I love my dog", "I love my cat", "You love my dog!", "Do you think my dog is amazing?"];

    [Fact]
    public void IdsFollowKerasTokenizer()
    {
        var vocabulary = Vocabulary.Build(s_sentences);

        Assert.Equal(["", "[UNK]", "my", "love", "dog", "i", "you", "cat", "do", "think", "is", "amazing"], vocabulary.Words);
        Assert.Equal(12, vocabulary.Size);
        Assert.Equal([[5L, 1, 3, 2, 4], [2, 4, 1, 2, 1]], vocabulary.Encode(["i really love my dog", "my dog loves my manatee"]));
    }

    [Fact]
    public void WordsThatOccurEquallyOftenKeepTheirFirstAppearanceOrder()
    {
        var forward = Vocabulary.Build(["beta alpha", "alpha beta gamma"]);
        var backward = Vocabulary.Build(["alpha beta gamma", "beta alpha"]);

        Assert.Equal(["beta", "alpha", "gamma"], forward.Words.Skip(2));
        Assert.Equal(["alpha", "beta", "gamma"], backward.Words.Skip(2));
    }

    [Fact]
    public void MaxWordsCountsTheReservedIdsAndKeepsTheMostFrequent()
    {
        var vocabulary = Vocabulary.Build(s_sentences, maxWords: 5);

        Assert.Equal(5, vocabulary.Size);
        Assert.Equal(["my", "love", "dog"], vocabulary.Words.Skip(2));
        Assert.Equal([1L, 3, 2, 4, 1], vocabulary.Encode("I love my dog too"));
    }

    [Fact]
    public void MaxWordsLargerThanTheTextsKeepsEveryWord() =>
        Assert.Equal(12, Vocabulary.Build(s_sentences, maxWords: 10_000).Size);

    [Theory]
    [InlineData(2)]
    [InlineData(0)]
    [InlineData(-1)]
    public void MaxWordsWithoutRoomForAWordIsRejected(int maxWords) =>
        Assert.Equal("maxWords", Assert.Throws<ArgumentOutOfRangeException>(() => Vocabulary.Build(s_sentences, maxWords)).ParamName);

    [Fact]
    public void TheDefaultStandardizationLowercasesAndTurnsPunctuationIntoSpaces()
    {
        var vocabulary = Vocabulary.Build(["FREE!!!click-here, don't WAIT"]);

        Assert.Equal(["free", "click", "here", "don't", "wait"], vocabulary.Words.Skip(2));
        Assert.Equal(vocabulary.Encode("free click here don't wait"), vocabulary.Encode("Free CLICK...here;don't wait?"));
    }

    [Fact]
    public void StandardizationCanKeepCaseAndPunctuation()
    {
        var vocabulary = Vocabulary.Build(["Hi, hi!"], standardization: new TextStandardization { Lowercase = false, Punctuation = "" });

        Assert.Equal(["Hi,", "hi!"], vocabulary.Words.Skip(2));
        Assert.Equal([1L, 3], vocabulary.Encode("hi hi!"));
    }

    [Fact]
    public void CharacterSplitGivesOneTokenPerCodePointAndDecodesWithoutSpaces()
    {
        var characters = new TextStandardization { Split = TokenSplit.Character, Punctuation = "" };
        var vocabulary = Vocabulary.Build(["abba", "a😀"], standardization: characters);

        Assert.Equal(["a", "b", "😀"], vocabulary.Words.Skip(2));
        Assert.Equal([2L, 4, 1], vocabulary.Encode("a😀c"));
        Assert.Equal("ab[UNK]", vocabulary.Decode([2, 3, 1]));
    }

    [Fact]
    public void DecodeGivesBackTheStandardizedWordsWithoutPadding()
    {
        var vocabulary = Vocabulary.Build(s_sentences);

        Assert.Equal("i [UNK] love my dog", vocabulary.Decode([0, 0, 5, 1, 3, 2, 4]));
        Assert.Equal("  i", vocabulary.Decode([0, 0, 5], skipPadding: false));
    }

    [Fact]
    public void DecodeRejectsAnIdOutsideTheVocabulary()
    {
        var vocabulary = Vocabulary.Build(s_sentences);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => vocabulary.Decode([2, 12]));

        Assert.Contains("Id 1 is 12, outside the vocabulary's 12 ids (0 to 11)", error.Message);
    }

    [Fact]
    public void TheOutOfVocabularyTokenInATextIsNotAWord()
    {
        var vocabulary = Vocabulary.Build(["[UNK] [UNK] word"], standardization: new TextStandardization { Lowercase = false, Punctuation = "" });

        Assert.Equal(["word"], vocabulary.Words.Skip(2));
        Assert.Equal([1L, 2], vocabulary.Encode("[UNK] word"));
    }

    [Fact]
    public void IdOfAndContainsLookUpStandardizedWords()
    {
        var vocabulary = Vocabulary.Build(s_sentences);

        Assert.Equal(2, vocabulary.IdOf("my"));
        Assert.Equal(Vocabulary.OutOfVocabularyId, vocabulary.IdOf("My"));
        Assert.True(vocabulary.Contains("amazing"));
        Assert.False(vocabulary.Contains("[UNK]"));
    }

    [Fact]
    public void ANullTextIsNamed()
    {
        Assert.Contains("Text 1 is null", Assert.Throws<ArgumentException>(() => Vocabulary.Build(["a", null!])).Message);
        Assert.Contains("Text 2 is null", Assert.Throws<ArgumentException>(() => Vocabulary.Build(["a"]).Encode(["a", "b", null!])).Message);
    }

    [Fact]
    public void FromWordsNumbersTheGivenWordsFromTwo()
    {
        var vocabulary = Vocabulary.FromWords(["spam", "ham"]);

        Assert.Equal([3L, 2, 1], vocabulary.Encode("ham spam eggs"));
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("[UNK]", "is [UNK]")]
    [InlineData("spam", "'spam' appears twice")]
    public void FromWordsRejectsReservedAndRepeatedWords(string word, string problem) =>
        Assert.Contains($"Word 1 {problem}", Assert.Throws<ArgumentException>(() => Vocabulary.FromWords(["spam", word])).Message);
}
