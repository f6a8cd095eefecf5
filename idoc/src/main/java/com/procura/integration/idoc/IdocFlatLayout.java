package com.procura.integration.idoc;

/**
 * Fixed positions of the flat-file data-record headers. Record-type version 3 (EDI_DD40):
 * SEGNAM 30, MANDT 3, DOCNUM 16, SEGNUM 6, PSGNUM 6, HLEVEL 2, then SDATA 1000 (1063 in all).
 * Version 2 (EDI_DD): TABNAM 10, MANDT 3, DOCNUM 16, SEGNUM 6, SEGNAM 10, PSGNUM 6, HLEVEL 2,
 * DTINT2 2, then SDATA (55-character header). Control-record layouts are data, see
 * {@code definitions/control-records.def}.
 */
final class IdocFlatLayout {

    static final int SDATA_LENGTH = 1000;
    static final int CONTROL_RECORD_LENGTH = 524;

    static final int V3_HEADER_LENGTH = 63;
    static final int V3_SEGNAM = 0;
    static final int V3_MANDT = 30;
    static final int V3_DOCNUM = 33;
    static final int V3_SEGNUM = 49;
    static final int V3_PSGNUM = 55;
    static final int V3_HLEVEL = 61;

    static final int V2_HEADER_LENGTH = 55;
    static final int V2_TABNAM = 0;
    static final int V2_SEGNUM = 29;
    static final int V2_SEGNAM = 35;
    static final int V2_PSGNUM = 45;
    static final int V2_HLEVEL = 51;

    static final int V3_DATA_RECORD_LENGTH = V3_HEADER_LENGTH + SDATA_LENGTH;

    private IdocFlatLayout() {
    }
}
