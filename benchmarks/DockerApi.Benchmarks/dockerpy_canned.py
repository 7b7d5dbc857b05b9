"""docker-py (Debian's python3-docker) reading the canned server's rows, the same bytes the .NET clients read:
python3 dockerpy_canned.py <socket> prints one line per row: name, median milliseconds, what was read (a check)."""
import statistics, sys, time
import docker

socket = sys.argv[1]
api = docker.APIClient(base_url="unix://" + socket, version="1.41")


def version():
    return api.version()["Version"]


def containers():
    return len(api.containers(all=True))


def pull():
    return sum(1 for m in api.pull("busybox", tag="latest", stream=True, decode=True) if m.get("status") is not None)


def events():
    return sum(1 for e in api.events(decode=True) if e.get("Action") is not None)


def logs():
    # The canned container has no TTY: docker-py demultiplexes the frames.
    return sum(len(chunk) for chunk in api.logs("c", stdout=True, stderr=True, stream=True))


rows = [("version", version, 200), ("container list of 1,000", containers, 20), ("pull, 100,000 messages", pull, 5),
        ("events, 100,000 messages", events, 5), ("container output, 256 MiB", logs, 3)]
for name, row, iterations in rows:
    row()  # warm-up
    times, result = [], None
    for _ in range(iterations):
        start = time.perf_counter()
        result = row()
        times.append((time.perf_counter() - start) * 1000)
    print(f"{name}\t{statistics.median(times):.3f}\t{result}", flush=True)
