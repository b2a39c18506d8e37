# A console socket as containerd's shim serves one: receive the pty master that the runtime sends
# (SCM_RIGHTS, the pty's path as the message), type INPUT into it (once AFTER has appeared, if
# given), print what comes back until the other side closes. Usage: console-socket.py SOCKET INPUT
# [AFTER]
import os
import socket
import sys

path, typed = sys.argv[1], sys.argv[2]
after = sys.argv[3].encode() if len(sys.argv) > 3 else None
server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
server.bind(path)
server.listen(1)
server.settimeout(60)
print("listening", flush=True)
connection, _ = server.accept()
message, fds, _, _ = socket.recv_fds(connection, 4096, 1)
print("name " + message.decode(), flush=True)
master = fds[0]
if after is None:
    os.write(master, typed.encode())
output = b""
while True:
    try:
        chunk = os.read(master, 4096)
    except OSError:  # EIO: every slave descriptor is closed, the process is gone
        break
    if not chunk:
        break
    output += chunk
    if after is not None and after in output:
        os.write(master, typed.encode())
        after = None
sys.stdout.write(output.decode(errors="replace"))
