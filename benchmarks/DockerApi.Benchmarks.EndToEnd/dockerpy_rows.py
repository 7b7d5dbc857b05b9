"""docker-py (Debian's python3-docker) doing the end-to-end rows, timed inside the interpreter as the .NET clients are
timed inside theirs: python3 dockerpy_rows.py <socket> <row> <iterations> <image> <container> <pull-ref> <user> <password>
prints one line of milliseconds per iteration, comma-separated."""
import sys, time
import docker

socket, row, iterations, image, container, pull_ref, user, password = sys.argv[1:9]
client = docker.DockerClient(base_url="unix://" + socket)
api = client.api
repository, tag = pull_ref.rsplit(":", 1)


def run():
    client.containers.run(image, "true", remove=True)


def exec_true():
    client.containers.get(container).exec_run("true")


def pull():
    try:
        api.remove_image(pull_ref, force=True)
    except docker.errors.ImageNotFound:
        pass
    start = time.perf_counter()
    for _ in api.pull(repository, tag=tag, stream=True, decode=True, auth_config={"username": user, "password": password}):
        pass
    return time.perf_counter() - start


def inspect():
    for _ in range(1000):
        api.inspect_container(container)


rows = {"run": run, "exec": exec_true, "pull": pull, "inspect": inspect}
times = []
for i in range(int(iterations) + 2):  # two warm-ups, not reported
    start = time.perf_counter()
    measured = rows[row]()
    elapsed = measured if measured is not None else time.perf_counter() - start
    if i >= 2:
        times.append(elapsed * 1000)
print(",".join(f"{t:.3f}" for t in times))
