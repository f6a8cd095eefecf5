package com.procura.integration.idoc;

import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every copied corpus file has its provenance row, and is byte-identical to what the row describes. */
class CorpusProvenanceTest {

    @Test
    void everyCorpusFileMatchesSizeAndHashOfItsProvenanceRow() throws Exception {
        String provenance = Corpus.text("PROVENANCE.md");
        List<String> files = Stream.concat(Corpus.XML_FILES.stream().map(f -> "idoc-xml/" + f),
                Corpus.FLAT_FILES.stream().map(f -> "idoc-flat/" + f)).toList();

        for (String file : files) {
            String row = provenance.lines().filter(l -> l.startsWith("| " + file + " |")).findFirst()
                    .orElseThrow(() -> new AssertionError("no provenance row for " + file));
            String[] cells = row.split("\\|");
            String bytes = cells[cells.length - 2].strip();
            String hashPrefix = cells[cells.length - 1].strip();
            byte[] content = Corpus.bytes(file);
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));

            assertThat(content.length).as(file + " size").isEqualTo(Integer.parseInt(bytes));
            assertThat(sha256).as(file + " sha256").startsWith(hashPrefix);
        }
    }
}
