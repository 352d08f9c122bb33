#!/usr/bin/env python3
"""A DTC v8 client in plain Python (standard library only), the way a trading team would write one.

It negotiates JSON encoding (ENCODING_REQUEST in binary, as DTC prescribes), logs on, places a
BUY 1 ES limit order with SUBMIT_NEW_SINGLE_ORDER (type 208) and waits for the ORDER_UPDATE
(type 301) whose OrderStatus is 7 (ORDER_STATUS_FILLED). With --json-first it skips the
negotiation and speaks JSON from the first byte, as clients of a server preset to JSON do.

Exit status 0 and a line "FILLED ..." when the fill arrived; 1 with the reason otherwise.
"""
import argparse
import json
import socket
import struct
import sys
import time

ENCODING_REQUEST, ENCODING_RESPONSE = 6, 7
LOGON_REQUEST, LOGON_RESPONSE, HEARTBEAT = 1, 2, 3
SUBMIT_NEW_SINGLE_ORDER, ORDER_UPDATE = 208, 301
JSON_ENCODING = 2
LOGON_SUCCESS = 1
BUY, ORDER_TYPE_LIMIT, TIF_DAY = 1, 2, 1
ORDER_STATUS_FILLED, ORDER_STATUS_REJECTED = 7, 8


class JsonSession:
    def __init__(self, sock):
        self.sock = sock
        self.buffer = b""

    def send(self, message):
        self.sock.sendall(json.dumps(message).encode("utf-8") + b"\x00")

    def receive(self):
        while b"\x00" not in self.buffer:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("server closed the connection")
            self.buffer += chunk
        frame, _, self.buffer = self.buffer.partition(b"\x00")
        return json.loads(frame.decode("utf-8")) if frame else self.receive()

    def receive_until(self, wanted_type, deadline):
        while time.monotonic() < deadline:
            message = self.receive()
            print("<-", json.dumps(message))
            if message.get("Type") == wanted_type:
                return message
        raise TimeoutError("no message of type %d in time" % wanted_type)


def negotiate_json(sock):
    # ENCODING_REQUEST: uint16 Size, uint16 Type, int32 ProtocolVersion, int32 Encoding, char[4] "DTC"
    sock.sendall(struct.pack("<HHii4s", 16, ENCODING_REQUEST, 8, JSON_ENCODING, b"DTC"))
    header = b""
    while len(header) < 16:
        chunk = sock.recv(16 - len(header))
        if not chunk:
            raise ConnectionError("server closed the connection during encoding negotiation")
        header += chunk
    size, message_type, version, encoding, _ = struct.unpack("<HHii4s", header)
    if message_type != ENCODING_RESPONSE or encoding != JSON_ENCODING:
        raise RuntimeError("expected ENCODING_RESPONSE granting JSON, got type %d encoding %d" % (message_type, encoding))
    print("<- ENCODING_RESPONSE (binary): Encoding=%d" % encoding)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=11099)
    parser.add_argument("--json-first", action="store_true", help="skip the encoding request; speak JSON at once")
    parser.add_argument("--timeout", type=float, default=10.0)
    args = parser.parse_args()
    deadline = time.monotonic() + args.timeout

    with socket.create_connection((args.host, args.port), timeout=args.timeout) as sock:
        if not args.json_first:
            negotiate_json(sock)
        session = JsonSession(sock)
        session.send({"Type": LOGON_REQUEST, "ProtocolVersion": 8, "HeartbeatIntervalInSeconds": 10,
                      "ClientName": "python-json-client"})
        logon = session.receive_until(LOGON_RESPONSE, deadline)
        if logon.get("Result") != LOGON_SUCCESS:
            print("logon refused:", logon.get("ResultText"))
            return 1
        session.send({"Type": SUBMIT_NEW_SINGLE_ORDER, "Symbol": "ES", "TradeAccount": "Sim1",
                      "ClientOrderID": "py-%d" % int(time.time() * 1000), "OrderType": ORDER_TYPE_LIMIT,
                      "BuySell": BUY, "Price1": 4500.25, "Quantity": 1, "TimeInForce": TIF_DAY})
        while True:
            update = session.receive_until(ORDER_UPDATE, deadline)
            status = update.get("OrderStatus")
            if status == ORDER_STATUS_FILLED:
                print("FILLED ServerOrderID=%s FilledQuantity=%s AverageFillPrice=%s"
                      % (update.get("ServerOrderID"), update.get("FilledQuantity"), update.get("AverageFillPrice")))
                return 0
            if status == ORDER_STATUS_REJECTED:
                print("REJECTED:", update.get("InfoText"))
                return 1


if __name__ == "__main__":
    sys.exit(main())
