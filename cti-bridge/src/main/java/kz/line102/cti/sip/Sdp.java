package kz.line102.cti.sip;

import java.util.ArrayList;
import java.util.List;

/**
 * The little SDP a test call needs: a PCMU/8000 offer, and the audio address, port
 * and payload types read back from the answer. The answer is read leniently (unknown
 * lines skipped) but must name an address and an audio port, or it is unusable.
 */
final class Sdp {

    static final int PCMU = 0;

    private Sdp() {
    }

    static String offer(String address, int rtpPort, long sessionId) {
        return "v=0\r\n"
                + "o=line102 " + sessionId + " " + sessionId + " IN IP4 " + address + "\r\n"
                + "s=line102 test call\r\n"
                + "c=IN IP4 " + address + "\r\n"
                + "t=0 0\r\n"
                + "m=audio " + rtpPort + " RTP/AVP " + PCMU + "\r\n"
                + "a=rtpmap:" + PCMU + " PCMU/8000\r\n"
                + "a=ptime:20\r\n"
                + "a=sendrecv\r\n";
    }

    /**
     * @param address      where to send RTP
     * @param port         the audio port (0: the far end refused the stream)
     * @param payloadTypes in the answer's order of preference
     * @param codec        the first payload type's rtpmap name, or its static name
     */
    record Answer(String address, int port, List<Integer> payloadTypes, String codec) {
    }

    /** @throws IllegalArgumentException saying what is missing when the answer cannot be used */
    static Answer parse(String sdp) {
        if (sdp == null || sdp.isBlank()) {
            throw new IllegalArgumentException("the answer has no SDP body");
        }
        String sessionAddress = null;
        String mediaAddress = null;
        int port = -1;
        List<Integer> types = new ArrayList<>();
        List<String> rtpmaps = new ArrayList<>();
        boolean inAudio = false;
        for (String raw : sdp.split("\r?\n")) {
            String line = raw.strip();
            if (line.startsWith("m=")) {
                inAudio = line.startsWith("m=audio ") && port < 0;
                if (inAudio) {
                    String[] f = line.substring(2).split("\\s+");
                    if (f.length < 4) {
                        throw new IllegalArgumentException("malformed media line '" + line + "'");
                    }
                    port = number(f[1], line);
                    for (int i = 3; i < f.length; i++) {
                        types.add(number(f[i], line));
                    }
                }
            } else if (line.startsWith("c=")) {
                String[] f = line.substring(2).split("\\s+");
                if (f.length < 3) {
                    throw new IllegalArgumentException("malformed connection line '" + line + "'");
                }
                String address = f[2].split("/")[0];
                if (inAudio) {
                    mediaAddress = address;
                } else if (port < 0) {
                    sessionAddress = address;
                }
            } else if (line.startsWith("a=rtpmap:") && inAudio) {
                rtpmaps.add(line.substring("a=rtpmap:".length()));
            }
        }
        String address = mediaAddress != null ? mediaAddress : sessionAddress;
        if (port < 0 || types.isEmpty()) {
            throw new IllegalArgumentException("the SDP answer has no audio stream");
        }
        if (address == null) {
            throw new IllegalArgumentException("the SDP answer has no connection address");
        }
        return new Answer(address, port, List.copyOf(types), codec(types.get(0), rtpmaps));
    }

    private static String codec(int pt, List<String> rtpmaps) {
        for (String m : rtpmaps) {
            if (m.startsWith(pt + " ")) {
                return m.substring(m.indexOf(' ') + 1).strip();
            }
        }
        return switch (pt) {
            case 0 -> "PCMU/8000";
            case 8 -> "PCMA/8000";
            case 9 -> "G722/8000";
            case 18 -> "G729/8000";
            default -> "payload type " + pt;
        };
    }

    private static int number(String s, String line) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("malformed number '" + s + "' in '" + line + "'");
        }
    }
}
