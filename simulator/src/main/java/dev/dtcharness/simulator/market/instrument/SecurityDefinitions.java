package dev.dtcharness.simulator.market.instrument;

import dev.dtcharness.protocol.DtcMessage;
import dev.dtcharness.protocol.message.SecurityDefinitionForSymbolRequestView;
import dev.dtcharness.protocol.message.SecurityDefinitionReject;
import dev.dtcharness.protocol.message.SecurityDefinitionResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The security definition answers Sierra Chart gives, from an {@link InstrumentTable}: one
 * SECURITY_DEFINITION_RESPONSE (507) with IsFinalMessage 1 for a known symbol, a SECURITY_DEFINITION_REJECT (509)
 * for an unknown one (or the empty 507 of {@link UnknownSymbols#EMPTY_DEFINITION}), and the unsolicited 507s of
 * FACTS 7.3. Definitions are served for restricted exchanges too: {@link DataRestrictions} limits market data only.
 * Every call returns new messages the caller owns.
 */
public final class SecurityDefinitions {
    /** The RequestID of Sierra Chart's "Auto Send Security Definition for New Symbols" 507s (FACTS 7.3). */
    public static final int AUTO_SEND_REQUEST_ID = 110_000_000;

    private final InstrumentTable table;
    private final UnknownSymbols unknownSymbols;

    private SecurityDefinitions(InstrumentTable table, UnknownSymbols unknownSymbols) {
        if (table == null) {
            throw new IllegalArgumentException("table: null (expected: an instrument table)");
        }
        if (unknownSymbols == null) {
            throw new IllegalArgumentException("unknownSymbols: null (expected: REJECT or EMPTY_DEFINITION)");
        }
        this.table = table;
        this.unknownSymbols = unknownSymbols;
    }

    /** Answers from {@code table}, rejecting unknown symbols. */
    public static SecurityDefinitions of(InstrumentTable table) {
        return new SecurityDefinitions(table, UnknownSymbols.REJECT);
    }

    /** The same table, answering unknown symbols as {@code unknownSymbols} says. */
    public SecurityDefinitions withUnknownSymbols(UnknownSymbols unknownSymbols) {
        return new SecurityDefinitions(table, unknownSymbols);
    }

    public InstrumentTable table() {
        return table;
    }

    public UnknownSymbols unknownSymbols() {
        return unknownSymbols;
    }

    /**
     * The one reply to a 506: a {@link SecurityDefinitionResponse} (the definition, or the empty one for an unknown
     * symbol under {@link UnknownSymbols#EMPTY_DEFINITION}) or a {@link SecurityDefinitionReject}.
     * The request is only read, not kept.
     */
    public DtcMessage answer(SecurityDefinitionForSymbolRequestView request) {
        int requestId = request.requestID();
        String symbol = request.symbol();
        String exchange = request.exchange();
        if (symbol.isEmpty()) {
            return reject(requestId, "SECURITY_DEFINITION_FOR_SYMBOL_REQUEST without a Symbol");
        }
        var found = table.find(symbol, exchange);
        if (found.isPresent()) {
            return definition(found.get(), requestId, true);
        }
        if (unknownSymbols == UnknownSymbols.EMPTY_DEFINITION) {
            SecurityDefinitionResponse empty = new SecurityDefinitionResponse().setRequestID(requestId).setSymbol(symbol)
                    .setIsFinalMessage(1);
            if (table.exchangeField() == ExchangeField.USED && !exchange.isEmpty()) {
                empty.setExchange(exchange);
            }
            return empty;
        }
        boolean namedExchange = table.exchangeField() == ExchangeField.USED && !exchange.isEmpty();
        if (namedExchange && table.find(symbol).isPresent()) {
            return reject(requestId, "Unknown symbol " + symbol + " on exchange " + exchange + " (it trades on "
                    + table.find(symbol).get().exchange() + ")");
        }
        return reject(requestId, "Unknown symbol " + symbol + (namedExchange ? " on exchange " + exchange : ""));
    }

    /** The 507 for {@code instrument}, RequestID and IsFinalMessage as given. */
    public SecurityDefinitionResponse definition(Instrument instrument, int requestId, boolean isFinalMessage) {
        SecurityDefinitionResponse m = new SecurityDefinitionResponse()
                .setRequestID(requestId)
                .setSymbol(instrument.symbol())
                .setSecurityType(instrument.securityType())
                .setDescription(instrument.description())
                .setMinPriceIncrement(instrument.tickSize().doubleValue())
                .setPriceDisplayFormat(instrument.priceDisplayFormat())
                .setCurrencyValuePerIncrement(instrument.tickValue().doubleValue())
                .setIsFinalMessage(isFinalMessage ? 1 : 0)
                .setUnderlyingSymbol(instrument.underlyingSymbol())
                .setUpdatesBidAskOnly(instrument.updatesBidAskOnly() ? 1 : 0)
                .setCurrency(instrument.currency());
        if (table.exchangeField() == ExchangeField.USED) {
            m.setExchange(instrument.exchange());
        }
        // Its real value may equal DTC's default (1); stated, JSON writes it rather than leaving the client to assume.
        m.setStated(SecurityDefinitionResponse.HAS_MARKET_DEPTH_DATA, instrument.hasMarketDepth() ? 1 : 0);
        instrument.contractSize().ifPresent(v -> m.setContractSize(v.doubleValue()));
        instrument.initialMargin().ifPresent(v -> m.setInitialMarginRequirement(v.doubleValue()));
        instrument.maintenanceMargin().ifPresent(v -> m.setMaintenanceMarginRequirement(v.doubleValue()));
        instrument.expirationDate().ifPresent(d -> m.setSecurityExpirationDate(epochSeconds(d)));
        instrument.rolloverDate().ifPresent(d -> m.setRolloverDate(epochSeconds(d)));
        return m;
    }

    /** Sierra Chart's "Auto Send Security Definition for New Symbols" 507: RequestID 110000000, IsFinalMessage 1. */
    public SecurityDefinitionResponse autoSend(Instrument instrument) {
        return definition(instrument, AUTO_SEND_REQUEST_ID, true);
    }

    /** A relay-mode 507 (LOGON_REQUEST Integer_1 0x2): RequestID is the SymbolID the symbol's market data uses. */
    public SecurityDefinitionResponse relayed(Instrument instrument, int symbolId) {
        return definition(instrument, symbolId, true);
    }

    /**
     * The 507s that fill a Sierra Chart client's symbol list (SC-TESTCLIENT "Populating Symbol List"): RequestID 0,
     * IsFinalMessage 0 on each but the last, 1 on the last. Empty for no instruments.
     */
    public List<SecurityDefinitionResponse> symbolList(Collection<Instrument> instruments) {
        List<SecurityDefinitionResponse> out = new ArrayList<>(instruments.size());
        int i = 0;
        for (Instrument instrument : instruments) {
            out.add(definition(instrument, 0, ++i == instruments.size()));
        }
        return out;
    }

    private static SecurityDefinitionReject reject(int requestId, String text) {
        return new SecurityDefinitionReject().setRequestID(requestId).setRejectText(Texts.fit(text));
    }

    // t_DateTime4Byte: seconds since 1970 UTC; a date-only value is that day's midnight UTC (as TradingSessionDate is).
    private static long epochSeconds(LocalDate d) {
        return d.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }
}
