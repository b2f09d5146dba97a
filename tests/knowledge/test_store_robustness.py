"""The knowledge base against its own infrastructure: a Chroma server that hangs or floods,
symbolic links out of the folders given, and a question asked while another process builds."""

import json
import os
import socket
import subprocess
import sys
import textwrap
import threading
import time

import pytest
from knowledge_helpers import ROOT, run_cli

from bot.cli import main
from knowledge import chroma_http
from knowledge.indexing import collect_files, index_documents, list_documents

FAKE = {"TENDER_COACH_EMBEDDER": "fake"}


class BadServer:
    """A TCP server on a loopback port that reads each request and then misbehaves as told:
    'silent' never answers; 'endless' streams a chunked body for ever; 'huge' declares 100 GB;
    'trickle' sends one byte of body every 0.2 s."""

    def __init__(self, mode: str) -> None:
        self.mode = mode
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.open: list[socket.socket] = []
        self.stop = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.open.append(conn)
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        try:
            conn.recv(65536)
            head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            if self.mode == "silent":
                self.stop.wait()
            elif self.mode == "endless":
                conn.sendall(head + b"Transfer-Encoding: chunked\r\n\r\n")
                piece = b"[" * 65536
                while not self.stop.is_set():
                    conn.sendall(b"%x\r\n%s\r\n" % (len(piece), piece))
            elif self.mode == "huge":
                conn.sendall(head + b"Content-Length: 100000000000\r\n\r\n[")
                self.stop.wait()
            elif self.mode == "trickle":
                conn.sendall(head + b"Content-Length: 1000000\r\n\r\n")
                while not self.stop.wait(0.2):
                    conn.sendall(b" ")
        except OSError:
            pass

    def close(self) -> None:
        self.stop.set()
        self.sock.close()
        for conn in self.open:
            conn.close()


@pytest.fixture
def bad_server(request):
    server = BadServer(request.param)
    yield server
    server.close()


# --- a Chroma server that hangs or floods ---------------------------------------------------


@pytest.mark.parametrize("bad_server", ["silent"], indirect=True)
def test_a_server_that_never_answers_fails_within_seconds(fake, bad_server, monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("CHROMA_URL", bad_server.url)
    monkeypatch.setenv("TENDER_COACH_DATA", str(tmp_path / "data"))
    start = time.monotonic()
    assert main(["ask", "How should we weight social value?"]) == 2
    assert time.monotonic() - start < chroma_http.FIRST_CONTACT_TIMEOUT + 5
    err = capsys.readouterr().err
    assert f"cannot reach the Chroma server at {bad_server.url} (CHROMA_URL)" in err
    assert "did not answer in time" in err and "something went wrong" not in err


@pytest.mark.parametrize("bad_server", ["trickle"], indirect=True)
def test_a_server_that_trickles_its_answer_is_given_up_on(fake, bad_server, monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(chroma_http, "REQUEST_DEADLINE", 1.0)
    monkeypatch.setenv("CHROMA_URL", bad_server.url)
    monkeypatch.setenv("TENDER_COACH_DATA", str(tmp_path / "data"))
    start = time.monotonic()
    assert main(["ask", "social value"]) == 2
    assert time.monotonic() - start < 5
    assert "took longer than 1 s to send one answer" in capsys.readouterr().err


@pytest.mark.parametrize("bad_server", ["endless", "huge"], indirect=True)
def test_a_server_that_floods_fails_in_bounded_memory(bad_server, tmp_path):
    # A process of its own, so that its peak memory is its own. VmHWM, not ru_maxrss: Linux carries
    # ru_maxrss over from the forking pytest process (which may hold the real model) across exec.
    script = textwrap.dedent("""
        import re, sys
        from bot.cli import main
        code = main(["ask", "social value"])
        status = open("/proc/self/status").read()
        print(int(re.search(r"VmHWM:\\s+(\\d+) kB", status).group(1)) // 1024)
        sys.exit(code)
    """)
    env = {**os.environ, **FAKE, "PYTHONPATH": str(ROOT), "CHROMA_URL": bad_server.url,
           "TENDER_COACH_DATA": str(tmp_path / "data")}
    start = time.monotonic()
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 2, done.stderr
    assert f"cannot reach the Chroma server at {bad_server.url} (CHROMA_URL): it sent an answer larger than 64 MB" \
        in done.stderr
    peak_mb = int(done.stdout.strip())
    assert peak_mb < 600, f"peak memory {peak_mb} MB"  # unbounded, it grew until the machine ran out
    assert time.monotonic() - start < 60


def test_a_chroma_url_that_is_not_a_url_names_the_setting(fake, monkeypatch, capsys):
    monkeypatch.setenv("CHROMA_URL", "http://localhost:notaport")
    assert main(["ask", "social value"]) == 2
    assert "CHROMA_URL='http://localhost:notaport' is not an http(s) URL" in capsys.readouterr().err


# --- symbolic links ----------------------------------------------------------------------------


@pytest.fixture
def linked_folder(tmp_path):
    """policies/ with a real policy, a link to a file outside, a link to a folder outside, a link
    to a file inside, a link loop, a folder loop and a broken link."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("Private notes that must not be indexed.")
    (outside / "more").mkdir()
    (outside / "more" / "other.md").write_text("# Other\n\nAlso outside the folder.")
    folder = tmp_path / "policies"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "travel.md").write_text("# Travel time\n\nCarers are paid for travel time.")
    (folder / "secret.txt").symlink_to(outside / "secret.txt")
    (folder / "elsewhere").symlink_to(outside / "more", target_is_directory=True)
    (folder / "travel-link.md").symlink_to(folder / "sub" / "travel.md")
    (folder / "loop-a.txt").symlink_to(folder / "loop-b.txt")
    (folder / "loop-b.txt").symlink_to(folder / "loop-a.txt")
    (folder / "sub" / "again").symlink_to(folder, target_is_directory=True)
    (folder / "gone.md").symlink_to(tmp_path / "no-such-file.md")
    return folder


def test_links_out_of_the_folder_are_skipped_and_said(linked_folder):
    files, skipped = collect_files([str(linked_folder)])
    assert [f.name for f in files] == ["travel.md"]  # the inside link is the same file: indexed once
    reasons = {os.path.basename(s.path): s.reason for s in skipped}
    assert "outside the folders given" in reasons["secret.txt"] and "outside" in reasons["elsewhere"]
    assert reasons["loop-a.txt"] == reasons["loop-b.txt"] == "a broken symbolic link or a link loop"
    assert "broken" in reasons["gone.md"]


def test_follow_links_indexes_what_they_point_to_and_still_ends(linked_folder):
    files, _ = collect_files([str(linked_folder)], follow_links=True)
    assert sorted(f.name for f in files) == ["other.md", "secret.txt", "travel.md"]


def test_index_says_which_links_it_skipped(fake, linked_folder, monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("TENDER_COACH_DATA", str(tmp_path / "data"))
    assert main(["index", str(linked_folder)]) == 0
    out = capsys.readouterr()
    assert f"skipped {linked_folder / 'secret.txt'}: a link to {tmp_path / 'outside' / 'secret.txt'}" in out.err
    assert "Indexed 1 of 1 files" in out.out and "links skipped" in out.out
    assert [d.title for d in list_documents()] == ["Travel time"]


def test_a_file_named_on_the_command_line_is_indexed_even_through_a_link(rt, linked_folder):
    (result,), _ = index_documents([str(linked_folder / "secret.txt")], rt)
    assert result.ok


# --- readers while a writer builds -----------------------------------------------------------

SLOW_BUILDER = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, sys.argv[1])
    from knowledge.embedder import FakeEmbedder
    from knowledge.indexing import ensure_guidance
    from knowledge.runtime import runtime

    class Slow(FakeEmbedder):
        started = False

        def encode(self, texts):  # the build embeds in batches: say "building" once, at its start
            if not Slow.started:
                Slow.started = True
                print("building", flush=True)
            time.sleep(4)
            return super().encode(texts)

    stats = ensure_guidance(runtime(Slow()))
    print("built", stats.embedded, flush=True)
""")


def test_a_question_during_the_first_build_waits_for_it_in_another_process(tmp_path):
    env = {**os.environ, **FAKE, "TENDER_COACH_DATA": str(tmp_path / "data")}
    env.pop("CHROMA_URL", None)
    builder = subprocess.Popen([sys.executable, "-c", SLOW_BUILDER, str(ROOT)], env=env, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert builder.stdout.readline().strip() == "building", builder.stderr.read()
        asked = run_cli("ask", "How should we weight social value?", "--format", "json",
                        env={"TENDER_COACH_DATA": env["TENDER_COACH_DATA"], **FAKE}, timeout=120)
        assert builder.wait(timeout=60) == 0
    finally:
        builder.kill()
    assert asked.returncode == 0, asked.stderr
    assert json.loads(asked.stdout)["passages"]
    assert builder.stdout.read().startswith("built")
