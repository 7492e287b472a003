"""The Jupyter kernels a report's notebooks run in: started quietly, and forked from a warm process.

A kernel started the usual way is a new Python that imports ipykernel, then (in the notebook's first cell) pandas,
pyarrow, matplotlib and peelstats: about 1.5 s of CPU, paid again for every kernel. Here the kernels of one
``peelstats`` process are forked from one *forkserver* (:mod:`multiprocessing`'s) that imported all of that once,
when the first report started; each kernel is then a real ipykernel, talking to papermill over ZMQ as any other,
but ready in a fraction of the time, and its imports already done. Kernels whose kernel spec is not this Python's
ipykernel (another kernel, another environment) are started the usual way, as are all kernels where the platform
has no forkserver.
"""

from __future__ import annotations

import contextlib
import inspect
import io
import logging
import os
import queue
import select
import signal
import subprocess
import sys
import threading
import time
import uuid
from multiprocessing import forkserver, popen_forkserver, reduction, spawn, util
from multiprocessing.context import ForkServerProcess, set_spawning_popen
from pathlib import Path

from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.manager import AsyncKernelManager
from jupyter_client.provisioning import LocalProvisioner
from traitlets import Type

from peelstats import config
from peelstats.reporting.forkserver import fork_context

log = logging.getLogger(__name__)

_LAUNCHER = "ipykernel_launcher"


def kernel_env() -> dict[str, str]:
    """The kernel runs in the report's folder: it must read the same dataset as the command that started it."""
    return {**os.environ, config.DATA_DIR_ENV: str(config.data_dir())}


def _forkable(cmd: list[str]) -> bool:
    """A kernel command of this Python's own ipykernel (``python -m ipykernel_launcher -f FILE ...``)."""
    if len(cmd) < 3 or cmd[1:3] != ["-m", _LAUNCHER]:
        return False
    with contextlib.suppress(OSError):
        return Path(cmd[0]).resolve() == Path(sys.executable).resolve()
    return False


def _kernel_main(arguments: list[str], cwd: str, env: dict[str, str], owner: int) -> None:
    """In the forked process: become a kernel as ``python -m ipykernel_launcher ARGUMENTS`` would, in its own
    session (Ctrl-C at the terminal does not reach it), with its output and errors discarded (as the quiet kernel
    manager does), ending when ``owner`` (the process that asked for it) ends."""
    os.setsid()
    signal.signal(signal.SIGINT, signal.default_int_handler)  # as a new Python has it (the forkserver ignores it)
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(env)
    _end_with(owner)
    sys.argv = [_LAUNCHER, *arguments]
    from ipykernel import kernelapp

    kernelapp.IPKernelApp.launch_instance(argv=arguments)


def _end_with(owner: int) -> None:
    """End this process as soon as ``owner`` ends, however it ends (killed, interrupted while the kernel started).

    ipykernel watches only its parent, here the forkserver, which in turn outlives its last child: without this, a
    kernel whose report was killed would keep itself and the forkserver running."""
    try:
        handle: int | None = os.pidfd_open(owner)  # readable when the process ends; immune to its pid being reused
    except (AttributeError, OSError):
        handle = None

    def watch() -> None:
        if handle is not None:
            select.select([handle], [], [])
        else:
            while True:
                time.sleep(1)
                try:
                    os.kill(owner, 0)
                except ProcessLookupError:
                    break
                except PermissionError:
                    continue
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="peelstats-owner-watch").start()


class _KernelPopen(popen_forkserver.Popen):
    """multiprocessing's forkserver launch, without the parent's ``__main__``: a kernel needs nothing from it, and
    a user's script without an ``if __name__ == "__main__":`` guard would otherwise run again in every kernel. (The
    rest is ``popen_forkserver.Popen._launch`` as it is.)"""

    def _launch(self, process_obj):
        prepared = {key: value for key, value in spawn.get_preparation_data(process_obj._name).items()
                    if not key.startswith("init_main")}
        buffer = io.BytesIO()
        set_spawning_popen(self)
        try:
            reduction.dump(prepared, buffer)
            reduction.dump(process_obj, buffer)
        finally:
            set_spawning_popen(None)
        self.sentinel, w = forkserver.connect_to_new_process(self._fds)
        parent_w = os.dup(w)
        self.finalizer = util.Finalize(self, util.close_fds, (parent_w, self.sentinel))
        with open(w, "wb", closefd=True) as f:
            f.write(buffer.getbuffer())
        self.pid = forkserver.read_signed(self.sentinel)


class _KernelProcess(ForkServerProcess):
    @staticmethod
    def _Popen(process_obj):
        return _KernelPopen(process_obj)

    @property
    def daemon(self) -> bool:  # type: ignore[override]  # read-only: always daemonic
        """Daemonic to multiprocessing's exit handler, which terminates such children instead of waiting for them (a
        kernel left running by a report that was interrupted would keep its command from exiting). The kernel itself
        may still start processes: that check reads the process's own configuration, which is not daemonic."""
        return True


class _ForkedProcess:
    """A forked kernel, with the part of :class:`subprocess.Popen` that jupyter_client's provisioner uses."""

    stdin = stdout = stderr = None

    def __init__(self, process) -> None:
        self.process = process
        self.pid = process.pid

    def poll(self) -> int | None:
        return self.process.exitcode

    def wait(self, timeout: float | None = None) -> int | None:
        self.process.join(timeout)
        return self.process.exitcode

    def send_signal(self, signum: int) -> None:
        os.kill(self.pid, signum)

    def terminate(self) -> None:
        self.process.terminate()

    def kill(self) -> None:
        self.process.kill()


class ForkProvisioner(LocalProvisioner):
    """jupyter_client's local provisioner, launching an ipykernel by forking it from the warm forkserver."""

    async def launch_kernel(self, cmd: list[str], **kwargs):
        context = fork_context()
        if context is None or not _forkable(cmd):
            return await super().launch_kernel(cmd, **kwargs)
        cwd = str(kwargs.get("cwd") or Path.cwd())
        env = dict(kwargs.get("env") or os.environ)
        process = _KernelProcess(target=_kernel_main, args=(cmd[3:], cwd, env, os.getpid()), name="peelstats-kernel")
        try:
            process.start()
        except Exception as error:  # noqa: BLE001 - the usual way still works
            log.warning("could not fork a kernel (%s: %s); starting one the usual way", type(error).__name__, error)
            return await super().launch_kernel(cmd, **kwargs)
        self.process = _ForkedProcess(process)  # type: ignore[assignment]  # the part of Popen it uses
        self.pid = self.pgid = process.pid  # its own session: its group is its pid
        self.cwd = cwd
        return self.connection_info


class ReadyClient(AsyncKernelClient):
    """jupyter_client's asynchronous client, ready as soon as its kernel has answered on both channels.

    ``wait_for_ready`` then spends 0.2 s waiting for the IOPub channel to fall silent, to drop stray messages; nbclient
    ignores messages that answer another request, so those 0.2 s (per notebook, a fifth of starting a kernel) only
    delay a report. The check that IOPub is connected, which keeps a notebook's first outputs, stays."""

    async def wait_for_ready(self, timeout: float | None = None) -> None:
        deadline = time.monotonic() + (float("inf") if timeout is None else timeout)
        while True:
            self.kernel_info()
            try:
                reply = await self.get_shell_msg(timeout=1)
            except queue.Empty:
                pass
            else:
                if reply["msg_type"] == "kernel_info_reply":
                    try:
                        await self.get_iopub_msg(timeout=0.2)  # IOPub connected: the kernel's status came through
                    except queue.Empty:
                        pass
                    else:
                        self._handle_kernel_info_reply(reply)
                        return
            if not await self.is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if time.monotonic() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout} seconds")


class _AtDebugLevel(logging.LoggerAdapter):
    """jupyter_client's own messages about a report's kernels, at debug level (``--debug`` shows them): each failure
    it logs also raises, and peelstats reports that against the notebook. Shown, they were a traceback on the
    user's terminal when Ctrl-C killed the kernels while a kernel's thread was shutting its kernel down (the
    process was already gone)."""

    def log(self, level, msg, *args, **kwargs):
        super().log(logging.DEBUG, msg, *args, **kwargs)


class QuietKernelManager(AsyncKernelManager):
    """A kernel in its own session with its stderr discarded: Ctrl-C at the terminal reaches peelstats alone
    (which stops and shuts the kernel down), and the kernel's own start-up and shutdown chatter (transport
    warnings, a ZMQ traceback when it is stopped mid-cell) never lands on the user's terminal. Errors in a
    notebook's cells still reach the report, through the executed notebook. Its clients are :class:`ReadyClient`;
    its kernels are forked (:class:`ForkProvisioner`) where they can be."""

    client_factory = Type(ReadyClient, klass=AsyncKernelClient)  # what km.client() makes (client_class is not read)
    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("log", _AtDebugLevel(log, {}))
        super().__init__(**kwargs)
        self.clients: list[AsyncKernelClient] = []  # the clients made and not yet closed

    def client(self, **kwargs):
        client = super().client(**kwargs)
        self.clients.append(client)
        return client

    def close_clients(self) -> None:
        """Close the clients made so far. nbclient leaves its client's channels open when the kernel is not its own
        (a report's kernels run several notebooks): each client kept a zmq context, its thread and a dozen file
        descriptors until the process ended, about 60 descriptors and 4 threads a report, too many for a batch."""
        while self.clients:
            client = self.clients.pop()
            with contextlib.suppress(Exception):
                client.stop_channels()
            with contextlib.suppress(Exception):
                client.context.destroy(linger=0)

    async def _async_start_kernel(self, **kw):
        kw.setdefault("stderr", subprocess.DEVNULL)
        kw.setdefault("start_new_session", True)
        kw.setdefault("env", kernel_env())
        if self.provisioner is None:
            self.kernel_id = self.kernel_id or str(uuid.uuid4())
            self.provisioner = ForkProvisioner(kernel_id=self.kernel_id, kernel_spec=self.kernel_spec, parent=self)
        return await super()._async_start_kernel(**kw)

    start_kernel = _async_start_kernel  # jupyter_client binds the public name to the base class's function


def kill(km, *, release: bool = True) -> None:
    """Kill a kernel and its process group at once (it runs in its own session), then, given ``release``, close
    the manager's sockets and zmq context. Only the thread that uses the manager may release it: zmq sockets are
    not thread-safe, and a context destroyed while another thread uses it can abort the whole process (seen once
    in CI: a report stopped before its notebooks killed its kernels from the main thread while their threads were
    shutting them down). From any other thread, kill with ``release=False``."""
    process = getattr(getattr(km, "provisioner", None), "process", None)
    with contextlib.suppress(Exception):
        if process is not None:
            os.killpg(process.pid, 9)
    with contextlib.suppress(Exception):
        if process is not None:
            process.kill()  # a forked kernel killed before its session began
    if not release:
        return
    with contextlib.suppress(Exception):
        pending = km.cleanup_resources()  # a coroutine for an asynchronous kernel manager
        if inspect.isawaitable(pending):
            from jupyter_core.utils import run_sync

            run_sync(_wait_for)(pending)


async def _wait_for(pending):
    return await pending
