@checklist
Feature: Heartbeats keep the link
  Both sides send HEARTBEAT (3) at the interval the client asked for in LOGON_REQUEST. A server
  drops a client it has not heard from for a few intervals, so an idle client stays connected only
  if its heartbeats really go out; the client, in turn, sees the server's.

  Scenario: An idle client stays logged on for several heartbeat intervals
    Given a simulator that fills every order
    And the client is logged on using binary encoding with a heartbeat every 1 second
    When the connection stays idle for 4 seconds
    Then the client is still logged on
    And the client received at least 3 HEARTBEAT messages

  @simulator-only
  Scenario: A silent server is detected within the configured number of intervals
    Given a simulator that fills every order
    And the client is logged on using binary encoding with a heartbeat every 1 second
    When the simulator goes silent
    Then within 4 seconds the client treats the server as gone, saying it heard nothing
