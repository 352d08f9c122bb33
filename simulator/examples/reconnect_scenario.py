#!/usr/bin/env python3
"""Script a reconnect scenario against the simulator from Python (standard library only).

The way a Python team tests its reconnect logic without Sierra Chart: a JSON DTC session places a
resting limit order, the admin API drops the connection and fills the order while the client is
away, and the client reconnects and reconciles with OPEN_ORDERS_REQUEST (300) and
HISTORICAL_ORDER_FILLS_REQUEST (303), finding the fill it missed.

Start the simulator with resting orders and the admin API, then run this script:

    java -jar simulator/target/dtc-simulator.jar --port 11099 --fill-policy REST_LIMIT_ORDERS --admin-port 8080
    python3 simulator/examples/reconnect_scenario.py --port 11099 --admin http://127.0.0.1:8080

Exit status 0 and a line "RECONCILED ..." when the missed fill was found; 1 with the reason otherwise.
"""
import argparse
import json
import os
import socket
import sys
import time
import urllib.request

LOGON_REQUEST, LOGON_RESPONSE = 1, 2
SUBMIT_NEW_SINGLE_ORDER, ORDER_UPDATE = 208, 301
OPEN_ORDERS_REQUEST, HISTORICAL_ORDER_FILLS_REQUEST, HISTORICAL_ORDER_FILL_RESPONSE = 300, 303, 304
BUY, ORDER_TYPE_LIMIT, TIF_DAY = 1, 2, 1
ORDER_STATUS_OPEN = 4


class JsonSession:
    """One DTC session in JSON encoding, started JSON-first (the simulator detects the '{')."""

    def __init__(self, host, port, timeout):
        self.sock = socket.create_connection((host, port), timeout=timeout)
        self.buffer = b""

    def send(self, message):
        self.sock.sendall(json.dumps(message).encode("utf-8") + b"\x00")

    def receive(self):
        while b"\x00" not in self.buffer:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("the server closed the connection")
            self.buffer += chunk
        frame, _, self.buffer = self.buffer.partition(b"\x00")
        return json.loads(frame.decode("utf-8")) if frame else self.receive()

    def receive_until(self, predicate, what):
        while True:
            message = self.receive()
            if predicate(message):
                return message
            if message.get("Type") == 700 or message.get("Type") == 701:
                print("server says:", message.get("MessageText"))

    def log_on(self):
        self.send({"Type": LOGON_REQUEST, "ProtocolVersion": 8, "HeartbeatIntervalInSeconds": 10,
                   "ClientName": "python-reconnect-example"})
        logon = self.receive_until(lambda m: m.get("Type") == LOGON_RESPONSE, "LOGON_RESPONSE")
        if logon.get("Result") != 1:
            raise RuntimeError("logon refused: %s" % logon.get("ResultText"))

    def wait_closed(self):
        try:
            while self.sock.recv(65536):
                pass
        except OSError:
            pass
        self.sock.close()


def admin(base, method, path):
    # The admin API takes a state change only as JSON (no web form can send that), and wants the
    # bearer token when it has one (DTC_ADMIN_TOKEN, as the simulator reads it).
    headers = {"Content-Type": "application/json"} if method != "GET" else {}
    token = os.environ.get("DTC_ADMIN_TOKEN")
    if token:
        headers["Authorization"] = "Bearer " + token
    request = urllib.request.Request(base + path, method=method, data=b"" if method != "GET" else None,
                                     headers=headers)
    with urllib.request.urlopen(request, timeout=10) as response:
        body = response.read().decode("utf-8")
        return json.loads(body) if body else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=11099)
    parser.add_argument("--admin", default="http://127.0.0.1:8080", help="base address of the admin API")
    parser.add_argument("--timeout", type=float, default=10.0)
    args = parser.parse_args()

    session = JsonSession(args.host, args.port, args.timeout)
    session.log_on()
    client_order_id = "py-reconnect-%d" % int(time.time() * 1000)
    session.send({"Type": SUBMIT_NEW_SINGLE_ORDER, "Symbol": "ES", "TradeAccount": "Sim1",
                  "ClientOrderID": client_order_id, "OrderType": ORDER_TYPE_LIMIT, "BuySell": BUY,
                  "Price1": 4400.0, "Quantity": 2, "TimeInForce": TIF_DAY})
    working = session.receive_until(lambda m: m.get("Type") == ORDER_UPDATE and m.get("OrderStatus") == ORDER_STATUS_OPEN,
                                    "the order OPEN")
    server_order_id = working["ServerOrderID"]
    print("order %s working as %s" % (client_order_id, server_order_id))

    # The network drops; while the client is away the order fills.
    admin(args.admin, "POST", "/faults/disconnect")
    session.wait_closed()
    admin(args.admin, "POST", "/orders/%s/fill?price=4400" % server_order_id)
    print("disconnected; order filled while away")

    # Back again: what is still open, and which fills were missed?
    session = JsonSession(args.host, args.port, args.timeout)
    session.log_on()
    session.send({"Type": OPEN_ORDERS_REQUEST, "RequestID": 1, "RequestAllOrders": 1, "TradeAccount": "Sim1"})
    open_orders = session.receive_until(lambda m: m.get("Type") == ORDER_UPDATE and m.get("RequestID") == 1,
                                        "the open-orders answer")
    still_open = open_orders.get("NoOrders") != 1 and open_orders.get("ServerOrderID") == server_order_id
    session.send({"Type": HISTORICAL_ORDER_FILLS_REQUEST, "RequestID": 2, "ServerOrderID": server_order_id,
                  "NumberOfDays": 1, "TradeAccount": "Sim1"})
    fill = session.receive_until(lambda m: m.get("Type") == HISTORICAL_ORDER_FILL_RESPONSE and m.get("RequestID") == 2,
                                 "the fills answer")
    if still_open or fill.get("NoOrderFills") == 1 or fill.get("Quantity") != 2 or fill.get("Price") != 4400:
        print("NOT RECONCILED: open=%s fill=%s" % (still_open, json.dumps(fill)))
        return 1
    print("RECONCILED %s filled %s at %s while away (execution %s)"
          % (server_order_id, fill["Quantity"], fill["Price"], fill.get("UniqueExecutionID")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
