using System.Text.Json;
using DockerApi.Latest;
using DockerApi.Requests;

namespace DockerApi.Swarm;

/// <summary>Where a service stands on its way to its desired state, as <c>docker service create</c> shows while it waits.</summary>
/// <param name="Running">Tasks that should run and do.</param>
/// <param name="Desired">Tasks that should run: the replicas of a replicated service, the tasks of a global one.</param>
/// <param name="UpdateState">The state of an update or rollback in progress (<c>updating</c>, <c>rollback_completed</c>…), or null.</param>
/// <param name="TaskErrors">The errors of the service's tasks that failed or were rejected, newest first, each once.</param>
/// <param name="RunningTasks">The ids of the tasks counted in <paramref name="Running"/>.</param>
public sealed record ServiceProgress(int Running, int Desired, string? UpdateState, IReadOnlyList<string> TaskErrors, IReadOnlyList<string> RunningTasks);

/// <summary>A service did not reach its desired state; the message names its tasks' errors.</summary>
public sealed class DockerConvergenceException(string message, string service, ServiceProgress progress, Exception? innerException = null)
    : DockerException(message, "ServiceConvergence", innerException)
{
    /// <summary>The service's id or name.</summary>
    public string Service { get; } = service;

    /// <summary>Where it stood when the wait ended.</summary>
    public ServiceProgress Progress { get; } = progress;
}

/// <summary>
/// Waits until a Swarm service has converged, as the docker CLI does after <c>service create</c>, <c>update</c> and
/// <c>rollback</c>: every task that should run does (replicas, or one per node for a global service), and an update in
/// progress has completed or rolled back. Typed reads of the service, its tasks and the nodes through the newest
/// generated client, in whatever version it negotiated.
/// </summary>
public static class ServiceConvergence
{
    /// <summary>How often the service and its tasks are read.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>Waits for <paramref name="service"/> through <paramref name="client"/> (<see cref="Docker.Api"/>, or one of its own).</summary>
    /// <param name="client">The newest generated client, connected to a manager.</param>
    /// <param name="service">The service's id or name.</param>
    /// <param name="progress">Each reading, as it is made; or null.</param>
    /// <param name="timeout">How long to wait; default 2 minutes.</param>
    /// <param name="until">
    /// A further condition on the converged reading, for a change the swarm has not seen yet when the wait begins (a
    /// task whose container was just killed still reads as running): null for none.
    /// </param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The converged reading.</returns>
    /// <exception cref="DockerConvergenceException">The timeout passed, or an update paused; the message names the task errors.</exception>
    /// <example>
    /// <code>
    /// await docker.Api.Services.UpdateAsync(id, spec, version);
    /// var done = await ServiceConvergence.WaitAsync(docker.Api, id, timeout: TimeSpan.FromMinutes(5));
    /// Console.WriteLine($"{done.Running}/{done.Desired} running");
    /// </code>
    /// </example>
    public static async Task<ServiceProgress> WaitAsync(DockerClient client, string service, IProgress<ServiceProgress>? progress = null,
        TimeSpan? timeout = null, Func<ServiceProgress, bool>? until = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(service);
        var limit = timeout ?? TimeSpan.FromMinutes(2);
        // The deadline holds inside a read too: a manager that stops answering mid-body cannot outlast it.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        ServiceProgress? reading = null;
        try
        {
            while (true)
            {
                reading = await ReadAsync(client, service, deadline.Token).ConfigureAwait(false);
                progress?.Report(reading);
                if (reading.UpdateState is "paused" or "rollback_paused")
                    throw Failed(service, reading, $"its update stopped ({reading.UpdateState})");
                if (reading.Running == reading.Desired && reading.UpdateState is not ("updating" or "rollback_started") && (until is null || until(reading)))
                    return reading;
                await System.Threading.Tasks.Task.Delay(PollInterval, deadline.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            var what = reading is null
                ? $"the manager gave no complete answer within {limit.TotalSeconds:0.#} s"
                : $"{reading.Running} of {reading.Desired} tasks running{(reading.UpdateState is null ? "" : $", update {reading.UpdateState}")} after {limit.TotalSeconds:0.#} s";
            throw Failed(service, reading ?? new ServiceProgress(0, 0, null, [], []), what, e);
        }
    }

    private static DockerConvergenceException Failed(string service, ServiceProgress reading, string what, Exception? inner = null) =>
        new($"the service {service} did not converge: {what}" + (reading.TaskErrors.Count == 0 ? "" : "; task errors: " + string.Join("; ", reading.TaskErrors)),
            service, reading, inner);

    /// <summary>
    /// One reading of the service, its tasks and the nodes. A task counts as running when it runs the service's current
    /// container spec (an update replaces the others) on a node that is not being drained (its task is moving).
    /// </summary>
    /// <exception cref="DockerApiException">The manager refused a read.</exception>
    /// <exception cref="DockerProtocolException">An answer is too large, not JSON, or not of the shape Docker's API gives it.</exception>
    public static async Task<ServiceProgress> ReadAsync(DockerClient client, string service, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        // The generated clients' one path rule (escaped; '.' and '..' refused), said of this parameter.
        _ = Generated.DockerUri.Segment(service, nameof(service));
        var inspected = await client.Services.InspectAsync(service, cancellationToken: cancellationToken).ConfigureAwait(false);
        var id = inspected.ID ?? service;
        var updateState = inspected.UpdateStatus?.State?.Value;
        var currentSpec = ContainerSpec(inspected.Spec?.TaskTemplate);
        var drained = (await client.Nodes.ListAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
            .Where(n => n.Spec?.Availability?.Value == "drain" && n.ID is not null).Select(n => n.ID!).ToHashSet(StringComparer.Ordinal);
        var tasks = await client.Tasks.ListAsync(new DockerFilters().Add("service", id).ToString(), cancellationToken).ConfigureAwait(false);

        int wanted = 0;
        var runningTasks = new List<string>();
        var errors = new List<(DateTimeOffset When, string Error)>();
        foreach (var task in tasks)
        {
            var state = task.Status?.State?.Value;
            if (task.DesiredState?.Value == "running")
            {
                wanted++;
                if (state == "running" && (task.NodeID is null || !drained.Contains(task.NodeID)) && ContainerSpec(task.Spec) == currentSpec)
                    runningTasks.Add(task.ID ?? "");
            }
            if (task.Status?.Err is { Length: > 0 } text)
                errors.Add((task.Status.Timestamp?.ToDateTimeOffset() ?? DateTimeOffset.MinValue, $"{state}: {text}"));
        }
        // A global service wants one task per eligible node: what the swarm scheduled.
        var desiredCount = inspected.Spec?.Mode?.Replicated?.Replicas is { } replicas ? (int)replicas : wanted;
        var taskErrors = errors.OrderByDescending(e => e.When).Select(e => e.Error).Distinct().Take(5).ToList();
        return new ServiceProgress(runningTasks.Count, desiredCount, updateState, taskErrors, runningTasks);
    }

    /// <summary>A task spec's container spec, as the JSON the engine sent: what tells a task of the current spec from one an update replaces.</summary>
    private static string? ContainerSpec(TaskSpec? spec) =>
        spec?.ContainerSpec is { } container ? JsonSerializer.Serialize(container, DockerJsonContext.Default.TaskSpecContainerSpec) : null;
}
