package com.procura.integration.idoc;

/**
 * SAP IDoc status codes that an external system (EDI subsystem, partner system) reports back to
 * SAP, in a STATUS IDoc (SYSTAT01, segment E1STATS), about an outbound IDoc SAP sent to it.
 *
 * <p>Only the outbound statuses that the external side may set are here. Status 01 (created), 03
 * (data passed to port OK), 30 (ready for dispatch) and 31 (error, no further processing) are set
 * by SAP itself; codes 50 and above (e.g. 51, 53, 68 "error - no further processing") describe
 * IDocs that SAP <em>received</em> and are not reported by a partner. Texts follow SAP's status
 * list (table TEDS2 as commonly published, e.g. sapxitutorials.blogspot.com/2009/06/idoc-statuses.html).
 */
public enum IdocStatus {

    /** 04: The EDI subsystem found an error in the control record (partner, port, message type). */
    CONTROL_INFORMATION_ERROR("04", "Error within control information of EDI subsystem", true),
    /** 05: The subsystem could not translate the IDoc into the partner's format (e.g. EDIFACT). */
    TRANSLATION_ERROR("05", "Error during translation", true),
    /** 06: The subsystem translated the IDoc into the partner's format. */
    TRANSLATION_OK("06", "Translation OK", false),
    /** 07: The translated message failed the syntax check of its standard. */
    SYNTAX_CHECK_ERROR("07", "Error during syntax check", true),
    /** 08: The translated message passed the syntax check. */
    SYNTAX_CHECK_OK("08", "Syntax check OK", false),
    /** 09: The message could not be put into an interchange (envelope, numbering). */
    INTERCHANGE_HANDLING_ERROR("09", "Error during interchange handling", true),
    /** 10: The message was put into an interchange. */
    INTERCHANGE_HANDLING_OK("10", "Interchange handling OK", false),
    /** 11: The message could not be sent to the partner. */
    DISPATCH_ERROR("11", "Error during dispatch", true),
    /** 12: The message was sent to the partner (or made available to the supplier in Procura). */
    DISPATCH_OK("12", "Dispatch OK", false),
    /** 13: A repeated transmission succeeded. */
    RETRANSMISSION_OK("13", "Retransmission OK", false),
    /** 14: The partner acknowledged the interchange as received and syntactically correct (e.g. CONTRL). */
    INTERCHANGE_ACKNOWLEDGEMENT_POSITIVE("14", "Interchange Acknowledgement positive", false),
    /** 15: The partner rejected the interchange. */
    INTERCHANGE_ACKNOWLEDGEMENT_NEGATIVE("15", "Interchange Acknowledgement negative", true),
    /** 16: The partner accepted the business content, e.g. the supplier confirmed the order. */
    FUNCTIONAL_ACKNOWLEDGEMENT_POSITIVE("16", "Functional Acknowledgement positive", false),
    /** 17: The partner rejected the business content, e.g. the supplier declined the order. */
    FUNCTIONAL_ACKNOWLEDGEMENT_NEGATIVE("17", "Functional Acknowledgement negative", true),
    /** 18: The EDI subsystem was started for the IDoc. */
    TRIGGERING_EDI_SUBSYSTEM_OK("18", "Triggering EDI subsystem OK", false),
    /** 19: A test transmission reached the subsystem. */
    DATA_TRANSFER_FOR_TEST_OK("19", "Data transfer for test OK", false),
    /** 20: The EDI subsystem could not be started. */
    TRIGGERING_EDI_SUBSYSTEM_ERROR("20", "Error triggering EDI subsystem", true),
    /** 22: Sent; the partner's acknowledgement is still outstanding. */
    DISPATCH_OK_ACKNOWLEDGEMENT_DUE("22", "Dispatch OK, acknowledgement still due", false),
    /** 23: A repeated transmission failed. */
    RETRANSMISSION_ERROR("23", "Error during retransmission", true),
    /** 24: The EDI subsystem accepted the control record. */
    CONTROL_INFORMATION_OK("24", "Control information of EDI subsystem OK", false),
    /** 39: The IDoc arrived in the receiving system (ALE). */
    IDOC_IN_RECEIVING_SYSTEM("39", "IDoc is in the receiving system", false),
    /** 40: The receiving system could not create the application document (e.g. the order). */
    APPLICATION_DOCUMENT_NOT_CREATED("40", "Application document not created in receiving system", true),
    /** 41: The receiving system created the application document (e.g. the order was booked). */
    APPLICATION_DOCUMENT_CREATED("41", "Application document created in receiving system", false);

    private final String code;
    private final String sapText;
    private final boolean error;

    IdocStatus(String code, String sapText, boolean error) {
        this.code = code;
        this.sapText = sapText;
        this.error = error;
    }

    /** The two-digit code written to E1STATS-STATUS. */
    public String code() {
        return code;
    }

    /** SAP's short text for the status. */
    public String sapText() {
        return sapText;
    }

    public boolean isError() {
        return error;
    }

    /**
     * @throws IllegalArgumentException when the code is not a status an external system may report
     */
    public static IdocStatus ofCode(String code) {
        for (IdocStatus status : values()) {
            if (status.code.equals(code)) {
                return status;
            }
        }
        throw new IllegalArgumentException("IDoc status '" + code + "' is not one an external system reports to SAP");
    }
}
