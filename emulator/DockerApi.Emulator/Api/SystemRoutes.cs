using DockerApi.Emulator.State;

namespace DockerApi.Emulator.Api;

/// <summary>Login (<c>/auth</c>), <c>/info</c> and <c>/version</c>.</summary>
internal sealed class SystemRoutes(DaemonState state) : RouteArea(state)
{
    public override void Register(Router router)
    {
        router.Add("GET", "/auth", GetAuth);
        router.Add("POST", "/auth", PostAuth);
        router.Add("GET", "/info", Info);
        router.Add("GET", "/version", Version);
    }

    private Task GetAuth(RouteContext c)
    {
        if (c.Version > 1.1)
            return Empty(c, 404); // removed in 1.2: an empty 404
        var stored = State.StoredAuth;
        return Json(c, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("username", stored.Username);
            w.WriteString("password", ""); // never sent
            w.WriteString("email", stored.Email);
            w.WriteEndObject();
        });
    }

    /// <summary>
    /// Logs in to the offline index (<see cref="EmulatorOptions.RegistryAccounts"/>): a known user with the right
    /// password succeeds, a known user with another fails, an unknown user is registered. v1.0/v1.1 store the
    /// credentials in the daemon (reusing the stored password when the user name matches); v1.2 only checks.
    /// </summary>
    private Task PostAuth(RouteContext c)
    {
        var body = RequireObject(c, "auth.AuthConfig");
        var (username, password, email) = (Str(body, "username"), Str(body, "password"), Str(body, "email"));
        var store = c.Version <= 1.1;
        if (store)
            password = State.StoreAuth(username, password, email);
        string status;
        lock (State.Options.RegistryAccounts)
        {
            if (!State.Options.RegistryAccounts.TryGetValue(username, out var known))
            {
                State.Options.RegistryAccounts[username] = password;
                status = "Account created. Please use the confirmation link we sent to your e-mail to activate it.\n";
            }
            else if (known != password)
            {
                throw new DaemonException("Wrong login/password, please try again");
            }
            else
            {
                status = "Login Succeeded\n";
            }
        }
        return Json(c, 200, w => { w.WriteStartObject(); w.WriteString("Status", status); w.WriteEndObject(); });
    }

    private Task Info(RouteContext c) => Json(c, 200, w =>
    {
        var containers = State.ContainerCount;
        w.WriteStartObject();
        w.WriteBoolean("Debug", false);
        w.WriteNumber("Containers", containers);
        w.WriteNumber("Images", Graph.Images.Count);
        w.WriteNumber("NFd", 11);
        w.WriteNumber("NGoroutines", 21);
        w.WriteBoolean("MemoryLimit", true);
        w.WriteEndObject(); // SwapLimit false: omitted (omitempty)
    });

    private Task Version(RouteContext c) => Json(c, 200, w =>
    {
        w.WriteStartObject();
        w.WriteString("Version", "0.4.4");
        w.WriteString("GitCommit", "02f0c1e");
        w.WriteString("GoVersion", "go1.1");
        w.WriteEndObject();
    });
}
