package com.procura.security.secondfactor;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a QR code drawn as SVG by {@link QrCode} the way a phone would: from pixels, with ZXing's decoder. */
public final class QrSvgReader {
    private static final int PIXELS_PER_MODULE = 4;
    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern MODULE = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z");

    private QrSvgReader() {
    }

    public static String read(String svg) throws Exception {
        Matcher box = VIEW_BOX.matcher(svg);
        if (!box.find()) {
            throw new IllegalArgumentException("no viewBox in " + svg);
        }
        int width = Integer.parseInt(box.group(1)) * PIXELS_PER_MODULE;
        int height = Integer.parseInt(box.group(2)) * PIXELS_PER_MODULE;
        int[] pixels = new int[width * height];
        java.util.Arrays.fill(pixels, 0xffffff);
        Matcher module = MODULE.matcher(svg);
        while (module.find()) {
            int x0 = Integer.parseInt(module.group(1)) * PIXELS_PER_MODULE;
            int y0 = Integer.parseInt(module.group(2)) * PIXELS_PER_MODULE;
            for (int y = y0; y < y0 + PIXELS_PER_MODULE; y++) {
                for (int x = x0; x < x0 + PIXELS_PER_MODULE; x++) {
                    pixels[y * width + x] = 0;
                }
            }
        }
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
        return new QRCodeReader().decode(bitmap).getText();
    }
}
