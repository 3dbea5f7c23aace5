package kz.line102.cti.sip;

import java.text.ParseException;
import java.util.List;

import javax.sip.InvalidArgumentException;
import javax.sip.SipProvider;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ViaHeader;
import javax.sip.message.Message;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** Builds the requests and responses of the user agent (the factories' ceremony in one place). */
final class SipMessages {

    private final AddressFactory addresses;
    private final HeaderFactory headers;
    private final MessageFactory factory;
    private final SipProvider provider;
    private final String localHost;
    private final int localPort;
    private final String userAgent;

    SipMessages(AddressFactory addresses, HeaderFactory headers, MessageFactory factory, SipProvider provider,
                String localHost, int localPort, String userAgent) {
        this.addresses = addresses;
        this.headers = headers;
        this.factory = factory;
        this.provider = provider;
        this.localHost = localHost;
        this.localPort = localPort;
        this.userAgent = userAgent;
    }

    /** An out-of-dialog request to {@code peer}; {@code fromUser} null: the agent's own name. */
    Request request(String method, SipPeer peer, String fromUser) {
        try {
            SipURI target = addresses.createSipURI(peer.user(), peer.host());
            target.setPort(peer.port());
            if (peer.transport() == Transport.TCP) {
                target.setTransportParam("tcp");
            }
            SipURI fromUri = addresses.createSipURI(fromUser == null ? userAgent : fromUser, localHost);
            Address from = addresses.createAddress(fromUri);
            Address to = addresses.createAddress(target.clone().toString().replace(";transport=tcp", ""));
            CallIdHeader callId = provider.getNewCallId();
            ViaHeader via = headers.createViaHeader(localHost, localPort, peer.transport().sipName(), null);
            Request request = factory.createRequest(target, method, callId, headers.createCSeqHeader(1L, method),
                    headers.createFromHeader(from, SipAgent.newTag()), headers.createToHeader(to, null), List.of(via),
                    headers.createMaxForwardsHeader(70));
            SipURI contactUri = addresses.createSipURI(fromUser == null ? userAgent : fromUser, localHost);
            contactUri.setPort(localPort);
            if (peer.transport() == Transport.TCP) {
                contactUri.setTransportParam("tcp");
            }
            request.addHeader(headers.createContactHeader(addresses.createAddress(contactUri)));
            decorate(request);
            return request;
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalArgumentException("cannot build " + method + " to " + peer + ": " + e.getMessage(), e);
        }
    }

    void decorate(Message message) {
        try {
            message.setHeader(headers.createUserAgentHeader(List.of(userAgent)));
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    void accept(Request request, String type, String subType) {
        try {
            request.setHeader(headers.createAcceptHeader(type, subType));
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    void body(Request request, String sdp) {
        try {
            request.setContent(sdp, headers.createContentTypeHeader("application", "sdp"));
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    Response response(int status, Request request) throws ParseException {
        Response response = factory.createResponse(status, request);
        decorate(response);
        return response;
    }

    String callId(Message message) {
        CallIdHeader h = (CallIdHeader) message.getHeader(CallIdHeader.NAME);
        return h == null ? null : h.getCallId();
    }
}
