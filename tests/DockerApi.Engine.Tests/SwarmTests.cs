extern alias highlevel;

using System.Net;
using System.Text;
using System.Text.Json;
using highlevel::DockerApi.Swarm;
using DockerApi.Tests;
using DockerApi.V1_55;
using V130 = DockerApi.V1_30;

namespace DockerApi.Engine.Tests;

/// <summary>
/// Swarm through the generated client on a real two-node swarm (the CI engine as manager, the second engine of
/// .ci/dockerd as worker): nodes, services across both nodes, drain, stale updates, rollback, logs, secrets and configs.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class SwarmTests(DockerEngine engine) : IDisposable
{
    private DockerClient Manager => engine.Client;

    /// <summary>The high-level layer's newest client on the manager, speaking its 1.41: what the typed convergence wait reads through.</summary>
    private highlevel::DockerApi.Latest.DockerClient Typed => _typed ??= new(engine.Endpoint,
        new DockerApi.Transport.NegotiatedVersion("1.41", "1.41", null, "test") { ClientVersion = highlevel::DockerApi.Latest.DockerClient.ApiVersion });

    private highlevel::DockerApi.Latest.DockerClient? _typed;

    public void Dispose() => _typed?.Dispose();

    /// <summary>A replicated service of test:latest running <paramref name="command"/>, removed by the caller.</summary>
    private async Task<string> CreateServiceAsync(string name, int replicas, string[] command,
        Func<TaskSpecContainerSpec, TaskSpecContainerSpec>? container = null, ServiceCreateRequestUpdateConfig? update = null)
    {
        var spec = new TaskSpecContainerSpec { Image = Engine.Image, Command = command, StopGracePeriod = 1_000_000_000 };
        var created = await Manager.Services.CreateAsync(new ServiceCreateRequest
        {
            Name = name,
            Labels = new Dictionary<string, string> { [Engine.Label] = engine.RunId },
            TaskTemplate = new TaskSpec { ContainerSpec = container?.Invoke(spec) ?? spec, RestartPolicy = new TaskSpecRestartPolicy { Condition = TaskSpecRestartPolicyCondition.Any, Delay = 100_000_000 } },
            Mode = new ServiceCreateRequestMode { Replicated = new ServiceCreateRequestModeReplicated { Replicas = replicas } },
            UpdateConfig = update,
        });
        return created.ID!;
    }

    private async Task<IReadOnlyList<DockerApi.V1_55.Task>> RunningTasksAsync(string service) =>
        (await Manager.Tasks.ListAsync(filters: $$"""{"service":["{{service}}"],"desired-state":["running"]}"""))
            .Where(t => t.Status?.State == TaskState.Running).ToList();

    [SkippableFact]
    public async Task The_swarm_has_two_ready_nodes_join_tokens_and_masks_them()
    {
        var nodes = await engine.SwarmAsync();

        var swarm = await Manager.Swarm.InspectAsync();
        var listed = await Manager.Nodes.ListAsync();

        Assert.StartsWith("SWMTKN-", swarm.JoinTokens!.Worker);
        Assert.DoesNotContain(swarm.JoinTokens.Worker!, swarm.JoinTokens.ToString());
        Assert.Equal(new[] { nodes.ManagerId, nodes.WorkerId }.Order(), listed.Select(n => n.ID!).Order());
        Assert.All(listed, n => Assert.Equal(NodeState.Ready, n.Status!.State));
        Assert.Equal(NodeSpecRole.Worker, (await Manager.Nodes.InspectAsync(nodes.WorkerId)).Spec!.Role);
        // Labels on a node, with its version.
        var worker = await Manager.Nodes.InspectAsync(nodes.WorkerId);
        await Manager.Nodes.UpdateAsync(nodes.WorkerId, Version(worker.Version), worker.Spec! with { Labels = new Dictionary<string, string> { ["dapi.zone"] = engine.RunId } });
        Assert.Equal(engine.RunId, (await Manager.Nodes.InspectAsync(nodes.WorkerId)).Spec!.Labels!["dapi.zone"]);
        Assert.Equal(nodes.WorkerId, Assert.Single(await Manager.Nodes.ListAsync(filters: $$"""{"node.label":["dapi.zone={{engine.RunId}}"]}""")).ID);

        // Without autolock there is no unlock key, and the answer says so with an empty key.
        Assert.True(string.IsNullOrEmpty((await Manager.Swarm.UnlockkeyAsync()).UnlockKey));
    }

    [SkippableFact]
    public async Task A_service_runs_on_both_nodes_scales_refuses_a_stale_version_and_its_logs_come_from_both()
    {
        var nodes = await engine.SwarmAsync();
        var id = await CreateServiceAsync(engine.Name("web"), 4, ["sh", "-c", "echo task-on-$(hostname) $GREETING; sleep 600"], c => c with { Env = ["GREETING=hello-env"] });
        try
        {
            var progress = new List<ServiceProgress>();
            await ServiceConvergence.WaitAsync(Typed, id, new SyncProgress<ServiceProgress>(progress.Add));
            var tasks = await RunningTasksAsync(id);

            Assert.Equal(4, tasks.Count);
            Assert.Equal(new[] { nodes.ManagerId, nodes.WorkerId }.Order(), tasks.Select(t => t.NodeID!).Distinct().Order());
            Assert.Equal(4, progress[^1].Running);

            // Logs of the service: through the manager, from the tasks of both nodes, multiplexed.
            await using (var logs = await Manager.Services.LogsOutputAsync(id, stdout: true))
                Assert.Equal(4, (await logs.ReadToEndAsync()).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.StartsWith("task-on-", StringComparison.Ordinal) && l.EndsWith(" hello-env", StringComparison.Ordinal)));
            // One task's logs, wherever it runs; and the service found by its label.
            await using (var taskLogs = await Manager.Tasks.LogsOutputAsync(tasks.First(t => t.NodeID == nodes.WorkerId).ID!, stdout: true))
                Assert.StartsWith("task-on-", (await taskLogs.ReadToEndAsync()).Stdout);
            var labelled = await Manager.Services.ListAsync(filters: $$"""{"label":["{{Engine.Label}}={{engine.RunId}}"],"id":["{{id}}"]}""");
            Assert.Equal(id, Assert.Single(labelled).ID);

            var service = await Manager.Services.InspectAsync(id);
            var version = Version(service.Version);
            var scaled = Update(service.Spec!, replicas: 2);
            await Manager.Services.UpdateAsync(id, scaled, version);
            await ServiceConvergence.WaitAsync(Typed, id);
            Assert.Equal(2, (await RunningTasksAsync(id)).Count);

            // A task's container killed on the worker is replaced by the swarm.
            var onWorker = (await RunningTasksAsync(id)).FirstOrDefault(t => t.NodeID == nodes.WorkerId)
                ?? (await RunningTasksAsync(id)).First();
            var owner = onWorker.NodeID == nodes.WorkerId ? nodes.Worker : Manager;
            await owner.Containers.KillAsync(onWorker.Status!.ContainerStatus!.ContainerID!);
            await ServiceConvergence.WaitAsync(Typed, id, until: p => !p.RunningTasks.Contains(onWorker.ID!));
            var after = await RunningTasksAsync(id);
            Assert.Equal(2, after.Count);
            Assert.DoesNotContain(after, t => t.ID == onWorker.ID);

            var stale = await Assert.ThrowsAsync<DockerApiException>(() => Manager.Services.UpdateAsync(id, Update(service.Spec!, replicas: 3), version));
            Assert.Contains("update out of sequence", stale.DaemonMessage);
            Assert.True(stale.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.InternalServerError, stale.Message);
        }
        finally
        {
            await Manager.Services.DeleteAsync(id);
        }
    }

    [SkippableFact]
    public async Task Draining_the_worker_moves_its_tasks_to_the_manager()
    {
        var nodes = await engine.SwarmAsync();
        var id = await CreateServiceAsync(engine.Name("drain"), 2, ["sleep", "600"]);
        try
        {
            await ServiceConvergence.WaitAsync(Typed, id);
            var worker = await Manager.Nodes.InspectAsync(nodes.WorkerId);
            await Manager.Nodes.UpdateAsync(nodes.WorkerId, Version(worker.Version), worker.Spec! with { Availability = NodeSpecAvailability.Drain });
            try
            {
                await ServiceConvergence.WaitAsync(Typed, id);
                var tasks = await RunningTasksAsync(id);
                Assert.Equal(2, tasks.Count);
                Assert.All(tasks, t => Assert.Equal(nodes.ManagerId, t.NodeID));
            }
            finally
            {
                worker = await Manager.Nodes.InspectAsync(nodes.WorkerId);
                await Manager.Nodes.UpdateAsync(nodes.WorkerId, Version(worker.Version), worker.Spec! with { Availability = NodeSpecAvailability.Active });
            }
        }
        finally
        {
            await Manager.Services.DeleteAsync(id);
        }
    }

    [SkippableFact]
    public async Task A_failing_update_rolls_back_and_the_wait_names_the_task_error()
    {
        await engine.SwarmAsync();
        var id = await CreateServiceAsync(engine.Name("rollback"), 2, ["sleep", "600"], update: new ServiceCreateRequestUpdateConfig
        {
            Parallelism = 2, FailureAction = ServiceCreateRequestUpdateConfigFailureAction.Rollback, Monitor = 2_000_000_000, MaxFailureRatio = 0,
        });
        try
        {
            await ServiceConvergence.WaitAsync(Typed, id);
            var service = await Manager.Services.InspectAsync(id);
            var failing = Update(service.Spec!, command: ["sh", "-c", "exit 1"]);

            await Manager.Services.UpdateAsync(id, failing, Version(service.Version));
            var converged = await ServiceConvergence.WaitAsync(Typed, id);

            Assert.Equal("rollback_completed", converged.UpdateState);
            Assert.Equal(["sleep", "600"], (await Manager.Services.InspectAsync(id)).Spec!.TaskTemplate!.ContainerSpec!.Command);
            Assert.Contains(converged.TaskErrors, e => e.Contains("non-zero exit (1)", StringComparison.Ordinal));
        }
        finally
        {
            await Manager.Services.DeleteAsync(id);
        }
    }

    [SkippableFact]
    public async Task A_secret_and_a_config_are_read_inside_the_tasks_container_and_a_secret_in_use_cannot_go()
    {
        await engine.SwarmAsync();
        var secretName = engine.Name("secret");
        var configName = engine.Name("config");
        var secret = (await Manager.Secrets.CreateAsync(new SecretCreateRequest { Name = secretName, Data = Convert.ToBase64String("s3cret-value"u8) })).Id!;
        var config = (await Manager.Configs.CreateAsync(new ConfigCreateRequest { Name = configName, Data = Convert.ToBase64String("config-value"u8) })).Id!;
        var id = await CreateServiceAsync(engine.Name("secrets"), 1, ["sh", "-c", $"cat /run/secrets/{secretName}; echo; cat /config.txt; echo; sleep 600"], c => c with
        {
            Secrets = [new() { SecretID = secret, SecretName = secretName, File = new() { Name = secretName, UID = "0", GID = "0", Mode = 256 } }],
            Configs = [new() { ConfigID = config, ConfigName = configName, File = new() { Name = "/config.txt", UID = "0", GID = "0", Mode = 292 } }],
        });
        try
        {
            await ServiceConvergence.WaitAsync(Typed, id);
            await using (var logs = await Manager.Services.LogsOutputAsync(id, stdout: true))
                Assert.Equal("s3cret-value\nconfig-value\n", (await logs.ReadToEndAsync()).Stdout);

            var current = await Manager.Secrets.InspectAsync(secret);
            await Manager.Secrets.UpdateAsync(secret, Version(current.Version), current.Spec! with { Labels = new Dictionary<string, string> { ["dapi.rotated"] = "yes" } });
            Assert.Equal("yes", (await Manager.Secrets.InspectAsync(secret)).Spec!.Labels!["dapi.rotated"]);

            var inUse = await Assert.ThrowsAsync<DockerApiException>(() => Manager.Secrets.DeleteAsync(secret));
            Assert.Contains("in use", inUse.DaemonMessage);
            Assert.DoesNotContain("s3cret-value", (await Manager.Secrets.InspectAsync(secret)).ToString());
        }
        finally
        {
            await Manager.Services.DeleteAsync(id);
        }
        // Once the service is gone, so can the secret and the config be.
        await Manager.Secrets.DeleteAsync(secret);
        await Manager.Configs.DeleteAsync(config);
    }

    [SkippableFact]
    public async Task The_sample_CLI_creates_a_service_that_runs_on_both_nodes_and_lists_its_tasks()
    {
        var nodes = await engine.SwarmAsync();
        var name = engine.Name("cli");
        Task<string> Cli(params string[] args) => SampleCli.Succeed(engine.Endpoint.ToString(), "", null, args);

        try
        {
            Assert.Contains("converged (4/4 running)", await Cli("service", "create", "--name", name, "--replicas", "4", "test", "sleep", "600"));
            var tasks = await Cli("service", "ps", name);
            var listed = await Cli("node", "ls");

            Assert.Contains(nodes.ManagerId, tasks);
            Assert.Contains(nodes.WorkerId, tasks);
            Assert.Equal(4, tasks.Split('\n').Count(l => l.Contains("running", StringComparison.Ordinal)));
            Assert.Contains(nodes.WorkerId, listed);
            Assert.Contains("converged (2/2 running)", await Cli("service", "update", "--replicas", "2", name));
            Assert.Contains("converged (3/3 running)", await Cli("service", "scale", $"{name}=3"));
        }
        finally
        {
            await Cli("service", "rm", name);
        }
    }

    [SkippableFact]
    public async Task An_older_client_updating_a_service_keeps_the_settings_its_spec_does_not_know()
    {
        await engine.SwarmAsync();
        var id = await CreateServiceAsync("dapi-keep-" + engine.RunId, 1, ["sleep", "600"], c => c with { Init = true, Hostname = "kept" });
        try
        {
            // API 1.30's ContainerSpec has no Init (1.37): the old client keeps it as a member it does not know.
            using var old = new V130.DockerClient(engine.Endpoint);
            var read = await old.Services.InspectAsync(id);
            var container = read.Spec!.TaskTemplate!.ContainerSpec!;
            Assert.True(container.ExtensionData!["Init"].GetBoolean());
            var json = V130.DockerJsonContext.Default;
            var body = JsonSerializer.Deserialize(JsonSerializer.Serialize(read.Spec, json.ServiceSpec), json.ServiceUpdateRequest)!;

            await old.Services.UpdateAsync(id, body with { Labels = new Dictionary<string, string>(body.Labels!) { ["dapi.updated"] = "by 1.30" } },
                checked((long)read.Version!.Index!.Value));

            var after = (await Manager.Services.InspectAsync(id)).Spec!;
            Assert.Equal("by 1.30", after.Labels!["dapi.updated"]);
            Assert.True(after.TaskTemplate!.ContainerSpec!.Init);
            Assert.Equal("kept", after.TaskTemplate.ContainerSpec.Hostname);
        }
        finally
        {
            await Manager.Services.DeleteAsync(id);
        }
    }

    /// <summary>An object's version as the update calls take it (the spec says uint64 for one and int64 for the other).</summary>
    private static long Version(ObjectVersion? version) => checked((long)version!.Index!.Value);

    private static ServiceUpdateRequest Update(ServiceSpec spec, int? replicas = null, string[]? command = null) => new()
    {
        Name = spec.Name,
        Labels = spec.Labels,
        TaskTemplate = command is null ? spec.TaskTemplate : spec.TaskTemplate! with { ContainerSpec = spec.TaskTemplate.ContainerSpec! with { Command = command } },
        Mode = new ServiceUpdateRequestMode { Replicated = new ServiceUpdateRequestModeReplicated { Replicas = replicas ?? spec.Mode!.Replicated!.Replicas } },
        UpdateConfig = spec.UpdateConfig is { } u ? new ServiceUpdateRequestUpdateConfig
        {
            Parallelism = u.Parallelism, Monitor = u.Monitor, MaxFailureRatio = u.MaxFailureRatio,
            FailureAction = u.FailureAction is { } action ? new ServiceUpdateRequestUpdateConfigFailureAction(action.Value) : null,
        } : null,
    };
}
