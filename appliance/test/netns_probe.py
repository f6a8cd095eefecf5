#!/usr/bin/env python3
"""Listener and client for the firewall test in network namespaces.

serve CERT KEY PORT...      TLS on the first port, plain TCP on the others; runs until killed.
connect SRC DST PORT [tls]  exit 0 when a TCP (or TLS) connection succeeds, 1 on timeout/refusal.
"""
import socket
import ssl
import sys
import threading


def serve(cert, key, ports):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)

    def loop(port, tls):
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("0.0.0.0", port))
        sock.listen(16)
        while True:
            conn, _ = sock.accept()
            try:
                if tls:
                    conn = context.wrap_socket(conn, server_side=True)
                conn.sendall(b"procura-test %d\n" % port)
            except (OSError, ssl.SSLError):
                pass
            finally:
                conn.close()

    threads = [threading.Thread(target=loop, args=(int(p), i == 0), daemon=True) for i, p in enumerate(ports)]
    for t in threads:
        t.start()
    print("listening", flush=True)
    threads[0].join()


def connect(src, dst, port, tls):
    try:
        sock = socket.create_connection((dst, int(port)), timeout=2, source_address=(src, 0))
        if tls:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
            sock = context.wrap_socket(sock)
        data = sock.recv(64)
        sock.close()
        return 0 if data.startswith(b"procura-test") else 1
    except (OSError, ssl.SSLError) as e:
        print(f"{src} -> {dst}:{port}: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    if sys.argv[1] == "serve":
        serve(sys.argv[2], sys.argv[3], sys.argv[4:])
    else:
        sys.exit(connect(sys.argv[2], sys.argv[3], sys.argv[4], len(sys.argv) > 5 and sys.argv[5] == "tls"))
