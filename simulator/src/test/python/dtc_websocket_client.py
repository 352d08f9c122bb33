#!/usr/bin/env python3
"""A DTC v8 client over WebSocket in plain Python (standard library only), the way a browser app talks.

It opens a WebSocket to the DTC port (Sierra Chart serves WebSocket there too), speaks JSON from the
first byte with a logon that carries the fields browser apps add (Hostname, and TradeMode, the older
name of Unused1), heartbeats with time.time() as Python gives it (a float), asks for the trade
accounts, places a BUY 1 ES limit order (SUBMIT_NEW_SINGLE_ORDER, type 208) and waits for the
ORDER_UPDATE (301) with OrderStatus 7 (FILLED). Every frame the server sends must be a text frame
holding one JSON message in valid UTF-8 (RFC 6455 section 8.1), as a browser demands: anything else
is a failure, as it would close a browser's socket.

Exit status 0 and a line "FILLED ..." when the fill arrived; 1 with the reason otherwise.
"""
import argparse
import base64
import json
import os
import socket
import struct
import sys
import time

LOGON_REQUEST, LOGON_RESPONSE, HEARTBEAT = 1, 2, 3
SUBMIT_NEW_SINGLE_ORDER, ORDER_UPDATE = 208, 301
TRADE_ACCOUNTS_REQUEST, TRADE_ACCOUNT_RESPONSE = 400, 401
LOGON_SUCCESS = 1
BUY, ORDER_TYPE_LIMIT, TIF_DAY = 1, 2, 1
ORDER_STATUS_FILLED, ORDER_STATUS_REJECTED = 7, 8
TEXT, BINARY, CLOSE, PING, PONG = 0x1, 0x2, 0x8, 0x9, 0xA


class NotWhatABrowserTakes(Exception):
    pass


class WebSocketSession:
    def __init__(self, host, port, timeout):
        self.sock = socket.create_connection((host, port), timeout=timeout)
        self.buffer = b""
        self.frames = 0
        key = base64.b64encode(os.urandom(16)).decode("ascii")
        self.sock.sendall(("GET / HTTP/1.1\r\nHost: %s:%d\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                           "Sec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n\r\n" % (host, port, key))
                          .encode("ascii"))
        while b"\r\n\r\n" not in self.buffer:
            self._read()
        head, _, self.buffer = self.buffer.partition(b"\r\n\r\n")
        if not head.startswith(b"HTTP/1.1 101"):
            raise ConnectionError("no WebSocket upgrade: " + head.decode("latin-1").splitlines()[0])

    def _read(self):
        chunk = self.sock.recv(65536)
        if not chunk:
            raise ConnectionError("server closed the connection")
        self.buffer += chunk

    def _take(self, n):
        while len(self.buffer) < n:
            self._read()
        data, self.buffer = self.buffer[:n], self.buffer[n:]
        return data

    def send(self, message):
        # A client masks every frame it sends (RFC 6455 section 5.3).
        payload = json.dumps(message).encode("utf-8")
        mask = os.urandom(4)
        n = len(payload)
        header = bytes([0x80 | TEXT]) + (bytes([0x80 | n]) if n < 126 else bytes([0x80 | 126]) + struct.pack(">H", n))
        self.sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))

    def receive(self):
        """The next message; raises NotWhatABrowserTakes for a frame a browser would close the socket on."""
        while True:
            first, second = self._take(2)
            opcode, n = first & 0x0F, second & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._take(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._take(8))[0]
            payload = self._take(n)
            self.frames += 1
            if opcode in (PING, PONG):
                continue
            if opcode == CLOSE:
                raise ConnectionError("server closed the WebSocket")
            if opcode != TEXT:
                raise NotWhatABrowserTakes("frame %d is opcode %d, not a text frame: %r" % (self.frames, opcode, payload[:40]))
            try:
                text = payload.decode("utf-8")  # strict, as a browser's decoder is
            except UnicodeDecodeError as e:
                raise NotWhatABrowserTakes("frame %d is not UTF-8: %s" % (self.frames, e))
            text = text.rstrip("\x00")
            try:
                return json.loads(text)
            except ValueError as e:
                raise NotWhatABrowserTakes("frame %d is not one JSON message: %s (%r)" % (self.frames, e, text[:80]))

    def receive_until(self, wanted_type, deadline):
        while time.monotonic() < deadline:
            message = self.receive()
            print("<-", json.dumps(message))
            if message.get("Type") == wanted_type:
                return message
        raise TimeoutError("no message of type %d in time" % wanted_type)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=11099)
    parser.add_argument("--timeout", type=float, default=10.0)
    args = parser.parse_args()
    deadline = time.monotonic() + args.timeout
    try:
        ws = WebSocketSession(args.host, args.port, args.timeout)
        ws.send({"Type": LOGON_REQUEST, "ProtocolVersion": 8, "HeartbeatIntervalInSeconds": 10,
                 "ClientName": "python-websocket-client", "Hostname": socket.gethostname(), "TradeMode": 1})
        logon = ws.receive_until(LOGON_RESPONSE, deadline)
        if logon.get("Result") != LOGON_SUCCESS:
            print("logon refused:", logon.get("ResultText"))
            return 1
        ws.send({"Type": HEARTBEAT, "CurrentDateTime": time.time()})
        ws.send({"Type": TRADE_ACCOUNTS_REQUEST, "RequestID": 7})
        accounts = ws.receive_until(TRADE_ACCOUNT_RESPONSE, deadline)
        ws.send({"Type": SUBMIT_NEW_SINGLE_ORDER, "Symbol": "ES", "TradeAccount": accounts.get("TradeAccount"),
                 "ClientOrderID": "pyws-%d" % int(time.time() * 1000), "OrderType": ORDER_TYPE_LIMIT,
                 "BuySell": BUY, "Price1": 4500.25, "Quantity": 1, "TimeInForce": TIF_DAY})
        while True:
            update = ws.receive_until(ORDER_UPDATE, deadline)
            status = update.get("OrderStatus")
            if status == ORDER_STATUS_FILLED:
                print("FILLED ServerOrderID=%s FilledQuantity=%s in account %s (%d frames, every one JSON text)"
                      % (update.get("ServerOrderID"), update.get("FilledQuantity"), accounts.get("TradeAccount"),
                         ws.frames))
                return 0
            if status == ORDER_STATUS_REJECTED:
                print("REJECTED:", update.get("InfoText"))
                return 1
    except NotWhatABrowserTakes as e:
        print("a browser would close this socket:", e)
        return 1


if __name__ == "__main__":
    sys.exit(main())
