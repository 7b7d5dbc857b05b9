using DockerApi.Transport;

namespace DockerApi.Runtime.Tests.Transport;

/// <summary>The one rule for API versions: two numbers, compared as numbers; anything else refused, the same everywhere.</summary>
public sealed class ApiVersionTests
{
    [Theory]
    [InlineData("1.2", 1, 2)]
    [InlineData("1.41", 1, 41)]
    [InlineData("1.056", 1, 56)]
    [InlineData("2.0", 2, 0)]
    public void Versions_read_as_two_numbers(string text, int major, int minor)
    {
        Assert.Equal(new ApiVersion(major, minor), ApiVersion.Parse(text));
        Assert.True(ApiVersion.TryParse(text, out var parsed));
        Assert.Equal($"{major}.{minor}", parsed.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("1.")]
    [InlineData(".2")]
    [InlineData("1.41.0")]
    [InlineData(" 1.41")]
    [InlineData("1.41 ")]
    [InlineData("+1.2")]
    [InlineData("1.-2")]
    [InlineData("v1.41")]
    [InlineData("1.4x")]
    [InlineData("\u0661.\u0662")]   // Arabic-Indic digits: char.IsDigit says yes, Docker says no
    [InlineData("1.1234567890")]    // more than an int holds
    [InlineData("latest")]
    public void Anything_else_is_refused_with_the_text_shown(string text)
    {
        Assert.False(ApiVersion.TryParse(text, out _));
        var e = Assert.Throws<FormatException>(() => ApiVersion.Parse(text));
        Assert.Contains($"'{text}'", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new ApiVersionHandler(text));
    }

    [Fact]
    public void Versions_order_by_their_numbers_not_as_decimals()
    {
        string[] texts = ["1.41", "1.2", "1.40", "1.4", "1.25", "2.0", "1.9"];
        var ordered = texts.Select(ApiVersion.Parse).Order().Select(v => v.ToString());
        Assert.Equal(["1.2", "1.4", "1.9", "1.25", "1.40", "1.41", "2.0"], ordered);
        Assert.True(ApiVersion.Parse("1.41") > ApiVersion.Parse("1.2"));
        Assert.True(ApiVersion.Parse("1.4") < ApiVersion.Parse("1.40"));
        Assert.True(ApiVersion.Parse("1.40") <= ApiVersion.Parse("1.040"));
        Assert.False(ApiVersion.TryParse(null, out _));
    }
}
