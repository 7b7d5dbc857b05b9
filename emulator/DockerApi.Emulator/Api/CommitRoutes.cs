using System.Text;
using System.Text.Json;
using DockerApi.Emulator.State;

namespace DockerApi.Emulator.Api;

/// <summary>Containers into images: <c>/commit</c> and the build cache lookup of 0.4.x clients (<c>/images/getCache</c>).</summary>
internal sealed class CommitRoutes(DaemonState state) : RouteArea(state)
{
    public override void Register(Router router)
    {
        router.Add("POST", "/commit", Commit);
        router.Add("POST", "/images/getCache", GetCache);
    }

    private Task Commit(RouteContext c)
    {
        var container = State.RequireContainer(c.Request.Form("container"));
        ContainerConfig? config = null;
        try
        {
            config = ParseBody(c) is { } body ? ContainerConfig.Parse(body) : null;
        }
        catch (DaemonException)
        {
            // A missing or invalid configuration is ignored, as by the daemon.
        }
        var image = State.Commit(container, config, c.Request.Form("comment"), c.Request.Form("author"));
        var repository = c.Request.Form("repo");
        if (repository.Length > 0)
            Graph.Tag(repository, c.Request.Form("tag"), image.Id);
        return Json(c, 201, w => { w.WriteStartObject(); w.WriteString("Id", image.ShortId); w.WriteEndObject(); }, "text/plain; charset=utf-8");
    }

    private Task GetCache(RouteContext c)
    {
        var body = RequireObject(c, "docker.APIImageConfig");
        var parentId = Str(body, "Id");
        var config = ContainerConfig.Parse(body);
        var wanted = GoJson.Text(config.Write);
        var cached = Graph.ChildrenOf(parentId).FirstOrDefault(i => GoJson.Text(i.ContainerConfig.Write) == wanted);
        return cached is null
            ? Empty(c, 404)
            : Json(c, 200, w => { w.WriteStartObject(); w.WriteString("Id", cached.Id); w.WriteEndObject(); });
    }
}
