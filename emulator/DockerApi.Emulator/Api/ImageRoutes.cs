using System.Text;
using System.Text.Json;
using DockerApi.Emulator.State;

namespace DockerApi.Emulator.Api;

/// <summary>Images as objects: list, viz, search, history, inspect, tag, delete.</summary>
internal sealed class ImageRoutes(DaemonState state) : RouteArea(state)
{
    public override void Register(Router router)
    {
        router.Add("GET", "/images/json", ListImages);
        router.Add("GET", "/images/viz", ImagesViz);
        router.Add("GET", "/images/search", SearchImages);
        router.Add("GET", "/images/{name}/history", ImageHistory);
        router.Add("GET", "/images/{name}/json", InspectImage);
        router.Add("POST", "/images/{name}/tag", TagImage);
        router.Add("DELETE", "/images/{name}", DeleteImage);
    }

    private long VirtualSize(Image image) => Graph.History(image).Sum(i => i.Size);

    private Task ListImages(RouteContext c)
    {
        var all = c.Bool("all");
        var filter = c.Request.Form("filter");
        var images = Graph.Images;
        var rows = new List<(string? Repository, string? Tag, Image Image)>();
        foreach (var (repository, tag, id) in Graph.Names)
        {
            if (filter.Length > 0 && repository != filter)
                continue;
            if (Graph.Get(id) is { } image)
                rows.Add((repository, tag, image));
        }
        if (filter.Length == 0)
        {
            var named = Graph.Names.Select(n => n.Id).ToHashSet();
            var parents = images.Select(i => i.Parent).ToHashSet();
            // all=0 lists only heads: images no other image is built on.
            rows.AddRange(images.Where(i => !named.Contains(i.Id) && (all || !parents.Contains(i.Id))).OrderByDescending(i => i.Created).Select(i => ((string?)null, (string?)null, i)));
        }
        return Json(c, 200, w =>
        {
            w.WriteStartArray();
            foreach (var (repository, tag, image) in rows)
            {
                w.WriteStartObject();
                if (repository is not null)
                    w.WriteString("Repository", repository);
                if (tag is not null)
                    w.WriteString("Tag", tag);
                w.WriteString("Id", image.Id);
                w.WriteNumber("Created", image.Created.ToUnixTimeSeconds());
                w.WriteNumber("Size", image.Size);
                w.WriteNumber("VirtualSize", VirtualSize(image));
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
    }

    private Task ImagesViz(RouteContext c)
    {
        var text = new StringBuilder("digraph docker {\n");
        foreach (var image in Graph.Images.OrderBy(i => i.Id, StringComparer.Ordinal))
        {
            if (image.Parent.Length > 0)
                text.Append($" \"{image.Parent[..12]}\" -> \"{image.ShortId}\"\n");
            else
                text.Append($" base -> \"{image.ShortId}\" [style=invis]\n");
        }
        foreach (var group in Graph.Names.GroupBy(n => n.Id))
            text.Append($" \"{group.Key[..12]}\" [label=\"{group.Key[..12]}\\n{string.Join("\\n", group.Select(n => n.Repository + ":" + n.Tag))}\",shape=box,fillcolor=\"paleturquoise\",style=\"filled,rounded\"];\n");
        text.Append(" base [style=invisible]\n}\n");
        return c.Response.WriteTextAsync(200, "text/plain; charset=utf-8", text.ToString(), c.Cancellation);
    }

    private Task SearchImages(RouteContext c)
    {
        var results = State.Catalog.Search(c.Request.Form("term"));
        return Json(c, 200, w =>
        {
            if (results.Count == 0)
            {
                w.WriteNullValue();
                return;
            }
            w.WriteStartArray();
            foreach (var (name, description) in results)
            {
                w.WriteStartObject();
                w.WriteString("Name", name);
                w.WriteString("Description", description);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
    }

    private Task ImageHistory(RouteContext c)
    {
        var image = Graph.Lookup(c.Name) ?? throw new DaemonException("Image does not exist: " + c.Name);
        return Json(c, 200, w =>
        {
            w.WriteStartArray();
            foreach (var layer in Graph.History(image))
            {
                w.WriteStartObject();
                w.WriteString("Id", layer.ShortId);
                var names = Graph.NamesOf(layer.Id);
                if (names.Count > 0)
                    GoJson.WriteList(w, "Tags", names);
                w.WriteNumber("Created", layer.Created.ToUnixTimeSeconds());
                var createdBy = string.Join(' ', layer.ContainerConfig.Cmd ?? []);
                if (createdBy.Length > 0)
                    w.WriteString("CreatedBy", createdBy);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
    }

    private Task InspectImage(RouteContext c)
    {
        var image = Graph.Require(c.Name);
        return Json(c, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("id", image.Id);
            if (image.Parent.Length > 0)
                w.WriteString("parent", image.Parent);
            if (image.Comment.Length > 0)
                w.WriteString("comment", image.Comment);
            w.WriteString("created", GoJson.Time(image.Created));
            if (image.Container.Length > 0)
                w.WriteString("container", image.Container);
            w.WritePropertyName("container_config");
            image.ContainerConfig.Write(w);
            w.WriteString("docker_version", image.DockerVersion);
            if (image.Author.Length > 0)
                w.WriteString("author", image.Author);
            if (image.Config is { } config)
            {
                w.WritePropertyName("config");
                config.Write(w);
            }
            w.WriteString("architecture", "x86_64");
            w.WriteNumber("Size", image.Size);
            w.WriteEndObject();
        });
    }

    private Task TagImage(RouteContext c)
    {
        _ = c.Bool("force"); // parsed, and ignored, as by the daemon
        var image = Graph.Lookup(c.Name) ?? throw new DaemonException("Image does not exist: " + c.Name);
        Graph.Tag(c.Request.Form("repo"), c.Request.Form("tag"), image.Id);
        return Empty(c, 201);
    }

    private Task DeleteImage(RouteContext c)
    {
        var name = c.Name;
        var image = Graph.Require(name);
        if (c.Version <= 1.1)
        {
            // Before 1.2 the image left the graph at once: no tag or child checks, nothing listed.
            Graph.Delete(image.Id);
            return Empty(c, 204);
        }
        var effects = new List<(string Key, string Id)>();
        var untagged = new List<string>();
        var (repository, tag) = Graph.Split(name);
        var explicitTag = name.Contains(':') && !name[(name.LastIndexOf(':') + 1)..].Contains('/');
        if (Graph.Repository(repository) is { } tags)
        {
            // Without a tag the whole repository is untagged.
            foreach (var (t, id) in tags.Where(t => !explicitTag || t.Key == tag))
            {
                Graph.Untag(repository, t);
                effects.Add(("Untagged", id[..12]));
                untagged.Add(id);
            }
            if (explicitTag && untagged.Count == 0)
                throw new DaemonException($"No such tag: {repository}:{tag}");
        }
        foreach (var id in untagged.Append(image.Id).Distinct())
            Prune(id, effects);
        if (effects.Count == 0)
            throw new DaemonException($"Conflict, {name} wasn't deleted");
        return Json(c, 200, w =>
        {
            w.WriteStartArray();
            foreach (var (key, id) in effects)
            {
                w.WriteStartObject();
                w.WriteString(key, id);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
    }

    /// <summary>Deletes an image left without names, with its unreferenced children, then its unreferenced parents.</summary>
    private void Prune(string id, List<(string Key, string Id)> effects)
    {
        if (Graph.Get(id) is not { } image || Graph.NamesOf(id).Count > 0)
            return;
        foreach (var child in Graph.ChildrenOf(id))
            Prune(child.Id, effects);
        if (Graph.ChildrenOf(id).Any())
            return;
        Graph.Delete(id);
        effects.Add(("Deleted", image.ShortId));
        if (image.Parent.Length > 0)
            Prune(image.Parent, effects);
    }
}
