using DockerApi.Generated;

namespace DockerApi.Runtime.Tests.Generated;

public sealed class DockerUriTests
{
    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("")]
    public void A_segment_that_would_change_the_path_is_refused_naming_the_parameter(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => DockerUri.Segment(value, "id"));
        Assert.Equal("id", error.ParamName);
    }

    [Theory]
    [InlineData("...", "...")]
    [InlineData("../json", "..%2Fjson")]
    [InlineData("a/..", "a%2F..")]
    [InlineData("%2E%2E", "%252E%252E")]
    [InlineData("my.container", "my.container")]
    public void Other_segments_are_escaped_into_one_segment(string value, string escaped) =>
        Assert.Equal(escaped, DockerUri.Segment(value, "id"));
}
