package com.procura.integration.idoc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Access to the copied corpus files under src/test/resources/corpus. */
final class Corpus {

    static final List<String> XML_FILES = List.of(
            "ballerina_delvry03_desadv_nonnumeric_docnum.xml",
            "frumania_debmas07_debmas_s4hana_indented_no_final_newline.xml",
            "n8nidocguard_orders05_orders_inbound_template_no_decl_empty_docnum.xml",
            "sapsamples_orders05_ordrsp_s4hana_tabs_crlf_short_docnum.xml");

    static final List<String> FLAT_FILES = List.of(
            "bots_orders01_flat_crl_4200006016.idoc",
            "bots_orders01_flat_rls_4200003091.idoc",
            "bots_wp_plu02_flat_crlf_small.idoc",
            "msdocs_orders05_flat_edidc_v2_in_sendidoc_envelope_right_trimmed.txt");

    private Corpus() {
    }

    static byte[] bytes(String path) {
        try (InputStream input = Corpus.class.getResourceAsStream("/corpus/" + path)) {
            if (input == null) {
                throw new IllegalStateException("corpus file missing: " + path);
            }
            return input.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    static List<Idoc> xml(String file) {
        return IdocXmlReader.create().read(new java.io.ByteArrayInputStream(bytes("idoc-xml/" + file)), file);
    }

    static List<Idoc> flat(String file) {
        return IdocFlatReader.create().read(text("idoc-flat/" + file), file);
    }
}
