using System.Text.Json;

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
/// progress has completed or rolled back. Reads <c>GET /services/{id}</c> and <c>GET /tasks</c> of any API version.
/// </summary>
public static class ServiceConvergence
{
    /// <summary>How often the service and its tasks are read.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>Waits for <paramref name="service"/> through <paramref name="client"/> (a DockerClient's <c>HttpClient</c>).</summary>
    /// <param name="client">A client that reaches a manager and adds the version prefix.</param>
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
    public static async Task<ServiceProgress> WaitAsync(HttpClient client, string service, IProgress<ServiceProgress>? progress = null,
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
                await Task.Delay(PollInterval, deadline.Token).ConfigureAwait(false);
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
    public static async Task<ServiceProgress> ReadAsync(HttpClient client, string service, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(service);
        try
        {
            return await ReadOnceAsync(client, service, cancellationToken).ConfigureAwait(false);
        }
        // JsonElement's accessors throw this when a value is not of the kind asked (an object where a string should be).
        catch (InvalidOperationException e)
        {
            throw new DockerProtocolException($"an answer about the service {service} is not of the shape Docker's API gives it: {e.Message}", "ServiceConvergence", e);
        }
    }

    private static async Task<ServiceProgress> ReadOnceAsync(HttpClient client, string service, CancellationToken cancellationToken)
    {
        // The generated clients' one path rule: escaped, and '.' or '..' refused (they would name another route).
        using var inspect = await GetJsonAsync(client, "/services/" + Generated.DockerUri.Segment(service, nameof(service)), "ServiceInspect", cancellationToken).ConfigureAwait(false);
        var root = inspect.RootElement;
        var id = root.TryGetProperty("ID", out var idValue) ? idValue.GetString() ?? service : service;
        string? updateState = root.TryGetProperty("UpdateStatus", out var update) && update.ValueKind == JsonValueKind.Object
            && update.TryGetProperty("State", out var state) ? state.GetString() : null;
        var currentSpec = ContainerSpec(root.TryGetProperty("Spec", out var serviceSpec) && serviceSpec.TryGetProperty("TaskTemplate", out var template) ? template : default);
        var drained = await DrainedNodesAsync(client, cancellationToken).ConfigureAwait(false);
        var filters = Uri.EscapeDataString($$"""{"service":["{{JsonEncodedText.Encode(id)}}"]}""");
        using var tasks = await GetJsonAsync(client, "/tasks?filters=" + filters, "TaskList", cancellationToken).ConfigureAwait(false);

        int wanted = 0;
        var runningTasks = new List<string>();
        var errors = new List<(DateTimeOffset When, string Error)>();
        foreach (var task in tasks.RootElement.EnumerateArray())
        {
            var status = task.TryGetProperty("Status", out var s) ? s : default;
            var taskState = status.ValueKind == JsonValueKind.Object && status.TryGetProperty("State", out var st) ? st.GetString() : null;
            if (task.TryGetProperty("DesiredState", out var desired) && desired.GetString() == "running")
            {
                wanted++;
                var node = task.TryGetProperty("NodeID", out var n) ? n.GetString() : null;
                var spec = ContainerSpec(task.TryGetProperty("Spec", out var taskSpec) ? taskSpec : default);
                if (taskState == "running" && (node is null || !drained.Contains(node)) && spec == currentSpec)
                    runningTasks.Add(task.TryGetProperty("ID", out var taskId) ? taskId.GetString() ?? "" : "");
            }
            if (status.ValueKind == JsonValueKind.Object && status.TryGetProperty("Err", out var err) && err.GetString() is { Length: > 0 } text)
            {
                var when = status.TryGetProperty("Timestamp", out var ts) && ts.TryGetDateTimeOffset(out var at) ? at : DateTimeOffset.MinValue;
                errors.Add((when, $"{taskState}: {text}"));
            }
        }
        var desiredCount = Replicas(root) ?? wanted; // a global service wants one task per eligible node: what the swarm scheduled
        var taskErrors = errors.OrderByDescending(e => e.When).Select(e => e.Error).Distinct().Take(5).ToList();
        return new ServiceProgress(runningTasks.Count, desiredCount, updateState, taskErrors, runningTasks);
    }

    /// <summary>The container spec of a task spec, as text: what tells a task of the current spec from one an update replaces.</summary>
    private static string? ContainerSpec(JsonElement taskSpec) =>
        taskSpec.ValueKind == JsonValueKind.Object && taskSpec.TryGetProperty("ContainerSpec", out var container) ? container.GetRawText() : null;

    private static async Task<HashSet<string>> DrainedNodesAsync(HttpClient client, CancellationToken cancellationToken)
    {
        using var nodes = await GetJsonAsync(client, "/nodes", "NodeList", cancellationToken).ConfigureAwait(false);
        var drained = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in nodes.RootElement.EnumerateArray())
        {
            if (node.TryGetProperty("Spec", out var spec) && spec.TryGetProperty("Availability", out var availability) && availability.GetString() == "drain"
                && node.TryGetProperty("ID", out var nodeId) && nodeId.GetString() is { } value)
                drained.Add(value);
        }
        return drained;
    }

    private static int? Replicas(JsonElement service) =>
        service.TryGetProperty("Spec", out var spec) && spec.TryGetProperty("Mode", out var mode)
            && mode.TryGetProperty("Replicated", out var replicated) && replicated.TryGetProperty("Replicas", out var replicas)
            && replicas.TryGetInt32(out var count)
            ? count
            : null;

    private static async Task<JsonDocument> GetJsonAsync(HttpClient client, string path, string operation, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        return await DockerResponse.ReadDocumentAsync(response, operation, cancellationToken).ConfigureAwait(false);
    }
}
