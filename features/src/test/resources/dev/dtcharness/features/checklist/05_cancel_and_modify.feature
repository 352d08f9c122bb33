@checklist
Feature: Cancel and modify
  CANCEL_ORDER (203) ends a working order CANCELED (6). CANCEL_REPLACE_ORDER (204) changes its price
  or quantity: the order gets a new ServerOrderID and the update names the old one in
  PreviousServerOrderID. A cancel that comes too late is rejected (ORDER_CANCEL_REJECTED) and the
  order keeps its status; so does a rejected modify.

  Background:
    Given a simulator that lets limit orders rest
    And the client is logged on using binary encoding

  Scenario: A resting order is canceled
    When the client places a BUY 1 ES limit order at 4400
    And the order is OPEN
    And the client cancels the order
    Then the order ends CANCELED

  Scenario: A resting order is modified to a new price and quantity
    When the client places a BUY 1 ES limit order at 4400
    And the order is OPEN
    And the client modifies the order to 2 at 4401.5
    Then the order is OPEN with quantity 2 at 4401.5
    And the order's update names its previous ServerOrderID

  Scenario: A cancel that comes too late is rejected and the fill stands
    When the client places a BUY 1 ES limit order at 4400
    And the order is OPEN
    And the simulator fills the order at 4400
    And the client cancels the order
    Then the cancel is rejected
    And the order stays FILLED
