package com.procura.integration.idoc;

/**
 * Namespaced SAP names such as {@code /ABC/E1XYZ} are not XML names; IDoc-XML writes the slash as
 * {@code _-} ({@code _-ABC_-E1XYZ}).
 */
final class XmlNames {

    private XmlNames() {
    }

    static String segmentType(String elementName) {
        return elementName.indexOf("_-") >= 0 ? elementName.replace("_-", "/") : elementName;
    }

    static String elementName(String sapName) {
        return sapName.indexOf('/') >= 0 ? sapName.replace("/", "_-") : sapName;
    }
}
