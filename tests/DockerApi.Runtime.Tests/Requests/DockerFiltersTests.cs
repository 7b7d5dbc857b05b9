using DockerApi.Requests;

namespace DockerApi.Runtime.Tests.Requests;

public sealed class DockerFiltersTests
{
    [Fact]
    public void Filters_are_the_JSON_map_of_arrays_Docker_reads()
    {
        var filters = new DockerFilters().Add("status", "exited").Add("label", "app=web").Add("label", "tier=\"front\"").Add("label", "app=web");

        Assert.Equal("""{"label":["app=web","tier=\u0022front\u0022"],"status":["exited"]}""", filters.ToString());
        Assert.Equal("{}", new DockerFilters().ToString());
        Assert.True(new DockerFilters().IsEmpty);
    }

    [Fact]
    public void The_docker_CLIs_form_parses_with_the_name_before_the_first_equals()
    {
        var filters = DockerFilters.Parse(["label=app=web", "status=exited", "dangling=true"]);

        Assert.Equal(["app=web"], filters.Values["label"]);
        Assert.Equal(["true"], filters.Values["dangling"]);
        Assert.Contains("name=value", Assert.Throws<FormatException>(() => DockerFilters.Parse(["label"])).Message);
        Assert.Throws<FormatException>(() => DockerFilters.Parse(["=x"]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("la bel")]
    [InlineData("label\"")]
    public void A_name_that_is_not_a_filter_name_is_refused(string name) =>
        Assert.Throws<ArgumentException>(() => new DockerFilters().Add(name, "x"));
}
