using DockerApi.Build;

namespace DockerApi.HighLevel.Tests;

/// <summary>
/// <c>.dockerignore</c> as Docker reads it: the cases of Docker's own pattern matcher (moby/patternmatcher's TestMatches,
/// each pattern alone against a path), its multi-line cases, and the examples of Docker's documentation.
/// </summary>
public sealed class DockerIgnoreTests
{
    [Theory]
    [InlineData("**", "file", true)]
    [InlineData("**", "file/", true)]
    [InlineData("**/", "file", true)]
    [InlineData("**/", "file/", true)]
    [InlineData("**", "/", true)]
    [InlineData("**/", "/", true)]
    [InlineData("**", "dir/file", true)]
    [InlineData("**/", "dir/file", true)]
    [InlineData("**", "dir/file/", true)]
    [InlineData("**/", "dir/file/", true)]
    [InlineData("**/**", "dir/file", true)]
    [InlineData("**/**", "dir/file/", true)]
    [InlineData("dir/**", "dir/file", true)]
    [InlineData("dir/**", "dir/file/", true)]
    [InlineData("dir/**", "dir/dir2/file", true)]
    [InlineData("dir/**", "dir/dir2/file/", true)]
    [InlineData("**/dir", "dir", true)]
    [InlineData("**/dir", "dir/file", true)]
    [InlineData("**/dir2/*", "dir/dir2/file", true)]
    [InlineData("**/dir2/*", "dir/dir2/file/", true)]
    [InlineData("**/dir2/**", "dir/dir2/dir3/file", true)]
    [InlineData("**/dir2/**", "dir/dir2/dir3/file/", true)]
    [InlineData("**file", "file", true)]
    [InlineData("**file", "dir/file", true)]
    [InlineData("**/file", "dir/file", true)]
    [InlineData("**file", "dir/dir/file", true)]
    [InlineData("**/file", "dir/dir/file", true)]
    [InlineData("**/file*", "dir/dir/file", true)]
    [InlineData("**/file*", "dir/dir/file.txt", true)]
    [InlineData("**/file*txt", "dir/dir/file.txt", true)]
    [InlineData("**/file*.txt", "dir/dir/file.txt", true)]
    [InlineData("**/file*.txt*", "dir/dir/file.txt", true)]
    [InlineData("**/**/*.txt", "dir/dir/file.txt", true)]
    [InlineData("**/**/*.txt2", "dir/dir/file.txt", false)]
    [InlineData("**/*.txt", "file.txt", true)]
    [InlineData("**/**/*.txt", "file.txt", true)]
    [InlineData("a**/*.txt", "a/file.txt", true)]
    [InlineData("a**/*.txt", "a/dir/file.txt", true)]
    [InlineData("a**/*.txt", "a/dir/dir/file.txt", true)]
    [InlineData("a/*.txt", "a/dir/file.txt", false)]
    [InlineData("a/*.txt", "a/file.txt", true)]
    [InlineData("a/*.txt**", "a/file.txt", true)]
    [InlineData("a[b-d]e", "ae", false)]
    [InlineData("a[b-d]e", "ace", true)]
    [InlineData("a[b-d]e", "aae", false)]
    [InlineData("a[^b-d]e", "aze", true)]
    [InlineData(".*", ".foo", true)]
    [InlineData(".*", "foo", false)]
    [InlineData("abc.def", "abcdef", false)]
    [InlineData("abc.def", "abc.def", true)]
    [InlineData("abc.def", "abcZdef", false)]
    [InlineData("abc?def", "abcZdef", true)]
    [InlineData("abc?def", "abcdef", false)]
    [InlineData("a\\\\", "a\\", true)]
    [InlineData("**/foo/bar", "foo/bar", true)]
    [InlineData("**/foo/bar", "dir/foo/bar", true)]
    [InlineData("**/foo/bar", "dir/dir2/foo/bar", true)]
    [InlineData("abc/**", "abc", false)]
    [InlineData("abc/**", "abc/def", true)]
    [InlineData("abc/**", "abc/def/ghi", true)]
    [InlineData("**/.foo", ".foo", true)]
    [InlineData("**/.foo", "bar.foo", false)]
    [InlineData("a(b)c/def", "a(b)c/def", true)]
    [InlineData("a(b)c/def", "a(b)c/xyz", false)]
    [InlineData("a.|)$(}+{bc", "a.|)$(}+{bc", true)]
    [InlineData("dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", true)]
    [InlineData("dist/*.whl", "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", true)]
    [InlineData("a\\*b", "a*b", true)]
    public void A_pattern_matches_as_Dockers_pattern_matcher_does(string pattern, string path, bool excluded) =>
        Assert.True(DockerIgnore.Parse(pattern).IsExcluded(path) == excluded, $"{pattern} against {path}: expected {excluded}");

    [Theory]
    [InlineData("**\n!util/docker/web", "util/docker/web/foo", false)]
    [InlineData("**\n!util/docker/web\nutil/docker/web/foo", "util/docker/web/foo", true)]
    [InlineData("**\n!dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", false)]
    [InlineData("**\n!dist/*.whl", "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", false)]
    public void The_last_matching_line_decides(string file, string path, bool excluded) =>
        Assert.Equal(excluded, DockerIgnore.Parse(file).IsExcluded(path));

    /// <summary>The example file of Docker's .dockerignore documentation, line by line.</summary>
    [Theory]
    [InlineData("somedir/temporary.txt", true)]     // */temp*
    [InlineData("somedir/temp", true)]
    [InlineData("temporary.txt", false)]
    [InlineData("somedir/subdir/temporary.txt", true)] // */*/temp*
    [InlineData("tempa", true)]                     // temp?
    [InlineData("tempab", false)]
    [InlineData("docs/guide.md", false)]            // *.md is the root's only
    [InlineData("notes.md", true)]
    [InlineData("README.md", false)]                // !README.md
    [InlineData("src/main.go", true)]               // **/*.go
    [InlineData("main.go", true)]
    public void Dockers_documented_example_file_excludes_what_its_documentation_says(string path, bool excluded)
    {
        var ignore = DockerIgnore.Parse("# comment\n*/temp*\n*/*/temp*\ntemp?\n*.md\n!README.md\n**/*.go\n");
        Assert.Equal(excluded, ignore.IsExcluded(path));
    }

    [Fact]
    public void Lines_are_trimmed_cleaned_and_made_relative_and_comments_are_whole_lines()
    {
        var ignore = DockerIgnore.Parse("\uFEFF  /build/  \n ! /build/keep.txt\n./a/../logs//\n #not a comment\n# a comment\n");

        Assert.Equal(["build", "!build/keep.txt", "logs", "#not a comment"], ignore.Patterns);
        Assert.True(ignore.IsExcluded("build/out.bin"));
        Assert.False(ignore.IsExcluded("build/keep.txt"));
        Assert.True(ignore.IsExcluded("logs/today.log"));
        Assert.True(ignore.HasExceptions);
        Assert.Throws<FormatException>(() => DockerIgnore.Parse("!"));
        Assert.Throws<FormatException>(() => DockerIgnore.Parse("a[b"));
    }

    [Fact]
    public void The_Dockerfile_and_the_ignore_file_are_always_kept()
    {
        var ignore = DockerIgnore.Parse("*\n").Keeping("Dockerfile", ".dockerignore");

        Assert.False(ignore.IsExcluded("Dockerfile"));
        Assert.False(ignore.IsExcluded(".dockerignore"));
        Assert.True(ignore.IsExcluded("secret.key"));
    }
}
