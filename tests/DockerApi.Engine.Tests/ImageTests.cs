using System.Formats.Tar;
using System.Net;
using System.Text;

namespace DockerApi.Engine.Tests;

public abstract class ImageTests(Engine engine)
{
    [SkippableFact]
    public async Task Import_inspect_history_tag_and_delete_with_the_conflict_of_an_image_in_use()
    {
        var client = engine.Client;
        var repo = engine.OwnImage(engine.Name("import"));
        engine.OwnImage(repo + ":other");

        var messages = new List<V1_55.CreateImageInfo>();
        await using (var tar = File.OpenRead(engine.RootfsTar))
        {
            await foreach (var message in client.Images.CreateAsync(fromSrc: "-", repo: repo, tag: "latest", inputImage: tar))
                messages.Add(message);
        }
        var said = Assert.Single(messages).Status!;

        var image = await client.Images.InspectAsync(repo);
        // Docker answers an import with the image's id; Podman with another digest.
        if (!engine.IsPodman)
            Assert.Equal(said, image.Id);
        var imported = image.Id!;
        Assert.Contains(Named($"{repo}:latest"), image.RepoTags!);
        var history = await client.Images.HistoryAsync(repo);
        // One layer; Docker names it by the image's id, Podman by an id of its own.
        var layer = Assert.Single(history);
        if (!engine.IsPodman)
            Assert.Equal(imported, layer.Id);

        await client.Images.TagAsync(repo, repo: repo, tag: "other");
        Assert.Equal(imported, (await client.Images.InspectAsync(repo + ":other")).Id);
        var untagged = await client.Images.DeleteAsync(repo + ":other");
        Assert.Equal([Named($"{repo}:other")], untagged.Select(d => d.Untagged));

        var container = await engine.CreateAsync(["true"], image: repo);
        var conflict = await Assert.ThrowsAsync<DockerApiException>(() => client.Images.DeleteAsync(repo));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        if (engine.IsPodman)
            Assert.Matches($@"^image {repo} is .*\buse", conflict.DaemonMessage);
        else
            Assert.StartsWith($"conflict: unable to remove repository reference \"{repo}\" (must force) - container {container[..12]} is using its referenced image", conflict.DaemonMessage);

        await client.Containers.DeleteAsync(container);
        var deleted = await client.Images.DeleteAsync(repo);
        // Podman's delete names an id of its own, not the one its inspect gave.
        Assert.Contains(deleted, d => engine.IsPodman ? d.Deleted is { Length: > 0 } : d.Deleted == imported);
        var missing = await Assert.ThrowsAsync<DockerApiException>(() => client.Images.InspectAsync(repo));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        if (engine.IsPodman)
            Assert.StartsWith($"failed to find image {repo}", missing.DaemonMessage);
        else
            Assert.Equal($"no such image: {repo}: No such image: {repo}:latest", missing.DaemonMessage);
    }

    [SkippableFact]
    public async Task Build_streams_its_steps_and_the_image_runs()
    {
        var client = engine.Client;
        var tag = engine.OwnImage(engine.Name("built") + ":1");
        var context = Context("FROM test\nRUN echo built > /built.txt\nCMD [\"cat\", \"/built.txt\"]\n");

        var messages = new List<V1_55.BuildInfo>();
        await foreach (var message in client.Images.BuildAsync(context, t: tag, rm: true, networkmode: "none", contentType: "application/x-tar"))
            messages.Add(message);

        var output = string.Concat(messages.Select(m => m.Stream));
        // Podman builds with Buildah, which numbers its steps its own way and tags the qualified name.
        Assert.Contains(engine.IsPodman ? "STEP 1/3: FROM test" : "Step 1/3 : FROM test", output);
        Assert.Contains($"Successfully tagged {Named(tag)}", output);
        var id = Assert.Single(messages, m => m.Aux is not null).Aux!.ID;
        Assert.Equal(id, (await client.Images.InspectAsync(tag)).Id);

        var (container, exitCode) = await engine.RunImageAsync(tag);
        Assert.Equal(0, exitCode);
        Assert.Equal(("built\n", ""), await engine.OutputAsync(container));
    }

    [SkippableFact]
    public async Task A_failing_RUN_raises_the_daemons_error_after_the_steps_before_it()
    {
        var client = engine.Client;
        var context = Context("FROM test\nRUN echo before\nRUN exit 3\n");
        var steps = new List<string>();
        var before = (await client.Images.ListAsync(all: true)).Select(i => i.Id).ToHashSet();

        var e = await Assert.ThrowsAsync<DockerStreamException>(async () =>
        {
            await foreach (var message in client.Images.BuildAsync(context, t: engine.OwnImage(engine.Name("failed") + ":1"), rm: true, forcerm: true, networkmode: "none"))
            {
                if (message.Stream?.StartsWith("Step ", StringComparison.OrdinalIgnoreCase) == true)
                    steps.Add(message.Stream.TrimEnd());
            }
        });

        if (engine.IsPodman)
        {
            Assert.StartsWith("building at STEP \"RUN exit 3\": while running runtime: exit status 3", e.DaemonMessage);
            Assert.Equal(["STEP 1/3: FROM test", "STEP 2/3: RUN echo before", "STEP 3/3: RUN exit 3"], steps);
        }
        else
        {
            Assert.Equal("The command '/bin/sh -c exit 3' returned a non-zero code: 3", e.DaemonMessage);
            Assert.Equal(["Step 1/3 : FROM test", "Step 2/3 : RUN echo before", "Step 3/3 : RUN exit 3"], steps);
        }
        Assert.Equal("ImageBuild", e.Operation);
        // The step that succeeded left an untagged image: this run's own, removed here.
        foreach (var image in await client.Images.ListAsync(all: true))
        {
            if (!before.Contains(image.Id))
                await client.Images.DeleteAsync(image.Id);
        }
    }

    [SkippableFact]
    public async Task Commit_makes_an_image_of_a_containers_changes()
    {
        var client = engine.Client;
        var (container, _) = await engine.RunAsync("sh", "-c", "echo committed > /committed.txt");
        var repo = engine.Name("commit");
        engine.OwnImage($"{repo}:v1");

        var committed = await client.Images.CommitAsync(new V1_55.ContainerConfig { Cmd = ["cat", "/committed.txt"] },
            container: container, repo: repo, tag: "v1", comment: "made by a test", author: "DockerApi");

        var image = await client.Images.InspectAsync($"{repo}:v1");
        Assert.Equal(Id(committed.Id), image.Id);
        Assert.Equal("made by a test", image.Comment);
        Assert.Equal("DockerApi", image.Author);
        // Podman 4.3 takes a commit's changes from its `changes` query, not from the config in the body: the CMD stays the
        // container's, so the file is read by a command of the test's own there.
        var (run, _) = engine.IsPodman
            ? (await engine.CreateAsync(["cat", "/committed.txt"], image: $"{repo}:v1"), 0L)
            : await engine.RunImageAsync($"{repo}:v1");
        if (engine.IsPodman)
        {
            await client.Containers.StartAsync(run);
            await client.Containers.WaitAsync(run);
        }
        Assert.Equal(("committed\n", ""), await engine.OutputAsync(run));
    }

    [SkippableFact]
    public async Task An_image_list_shows_the_base_image()
    {
        var images = await engine.Client.Images.ListAsync();
        Assert.Contains(images, i => i.RepoTags.Contains(Named(Engine.Image)));
    }

    /// <summary>A local image's name as the engine lists it: Podman qualifies it (<c>docker.io/library/…</c>), Docker does not.</summary>
    private string Named(string reference) => engine.IsPodman ? "docker.io/library/" + reference : reference;

    /// <summary>An image id as inspect gives it: Docker's carry <c>sha256:</c> everywhere, Podman's import and commit answers leave it out.</summary>
    private string Id(string id)
    {
        if (!engine.IsPodman)
            Assert.StartsWith("sha256:", id);
        return id.StartsWith("sha256:", StringComparison.Ordinal) ? id : "sha256:" + id;
    }

    /// <summary>A build context: a tar holding only the Dockerfile.</summary>
    private static MemoryStream Context(string dockerfile)
    {
        var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Ustar, leaveOpen: true))
        {
            var entry = new UstarTarEntry(TarEntryType.RegularFile, "Dockerfile") { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(dockerfile)) };
            writer.WriteEntry(entry);
        }
        tar.Position = 0;
        return tar;
    }
}

/// <summary>The cases of <see cref="ImageTests"/> on Docker.</summary>
[Collection(EngineCollection.Name)]
public sealed class DockerImageTests(DockerEngine engine) : ImageTests(engine);

/// <summary>The cases of <see cref="ImageTests"/> on Podman.</summary>
[Collection(PodmanCollection.Name)]
public sealed class PodmanImageTests(PodmanEngine engine) : ImageTests(engine);
