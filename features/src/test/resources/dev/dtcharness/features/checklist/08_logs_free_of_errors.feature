@checklist
Feature: Logs are free of errors
  A clean run (log on, trade, log off) leaves no WARN or ERROR line in the client's or the
  simulator's log: anything logged at those levels is something an operator must look at.

  Scenario Outline: A clean trading session logs nothing at WARN or ERROR, in <encoding> encoding
    Given a simulator that fills every order
    And the client is logged on using <encoding> encoding
    When the client places a BUY 1 ES limit order at 4500.25
    And the client places a SELL 1 ES limit order at 4501
    Then an ORDER_UPDATE with OrderStatus FILLED (7) arrives for the order
    When the client logs off
    Then no line was logged at WARN or ERROR

    Examples:
      | encoding |
      | JSON     |
      | binary   |
