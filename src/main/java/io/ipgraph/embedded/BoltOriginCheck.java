package io.ipgraph.embedded;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import org.neo4j.bolt.protocol.common.connector.connection.Connection;
import org.neo4j.bolt.protocol.common.connector.listener.ConnectorListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bolt over WebSocket only from ipgraph's own pages. Neo4j's Bolt port upgrades any HTTP request to a WebSocket, and
 * browsers do not apply CORS to WebSockets, so any page the analyst opens could otherwise talk to the database. This
 * check sits first in every Bolt connection's pipeline: a WebSocket upgrade whose {@code Origin} is not one of
 * ipgraph's own addresses gets {@code 403} and is closed before Neo4j sees a byte of it. Plain Bolt over TCP and a
 * WebSocket client that sends no {@code Origin} (a program, not a page) pass on to the sign-in, which they need
 * anyway ({@link BoltSignIn}). Until ipgraph knows its own addresses (its HTTP port opens after the database starts),
 * no page is let in.
 */
final class BoltOriginCheck implements ConnectorListener {

	private static final Logger log = LoggerFactory.getLogger(BoltOriginCheck.class);

	/** An HTTP request head longer than this is refused (Neo4j's own limit for the upgrade is 64 KB). */
	static final int MAX_HEAD = 16 * 1024;

	private final Supplier<Set<String>> allowedOrigins;

	BoltOriginCheck(Supplier<Set<String>> allowedOrigins) {
		this.allowedOrigins = allowedOrigins;
	}

	@Override
	public void onConnectionCreated(Connection connection) {
		connection.modifyPipeline(pipeline -> pipeline.addFirst("ipgraph-origin-check", new Decoder()));
	}

	/** True when a page of this origin may open Bolt over WebSocket. */
	boolean allows(String origin) {
		return this.allowedOrigins.get().contains(origin.toLowerCase(Locale.ROOT));
	}

	private final class Decoder extends ByteToMessageDecoder {

		@Override
		protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
			if (in.readableBytes() < 4) {
				return;
			}
			if (!startsWith(in, "GET ")) {
				ctx.pipeline().remove(this);
				return;
			}
			int end = indexOfHeadEnd(in);
			if (end < 0) {
				if (in.readableBytes() > MAX_HEAD) {
					refuse(ctx, in, "431 Request Header Fields Too Large", "request head over " + MAX_HEAD + " bytes", "-");
				}
				return;
			}
			String origin = header(in.toString(in.readerIndex(), end - in.readerIndex(), StandardCharsets.ISO_8859_1), "origin");
			if (origin == null || allows(origin)) {
				ctx.pipeline().remove(this);
				return;
			}
			refuse(ctx, in, "403 Forbidden", "Bolt over WebSocket is open to Neo4j Browser served by ipgraph only", origin);
		}

		private void refuse(ChannelHandlerContext ctx, ByteBuf in, String status, String reason, String origin) {
			log.warn("Bolt over WebSocket refused for a page of {} from {}: {}", origin, ctx.channel().remoteAddress(), reason);
			in.skipBytes(in.readableBytes());
			byte[] body = (reason + "\n").getBytes(StandardCharsets.UTF_8);
			String head = "HTTP/1.1 " + status + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " + body.length
					+ "\r\nConnection: close\r\n\r\n";
			ctx.writeAndFlush(Unpooled.wrappedBuffer(head.getBytes(StandardCharsets.ISO_8859_1), body))
				.addListener(ChannelFutureListener.CLOSE);
		}

	}

	private static boolean startsWith(ByteBuf in, String prefix) {
		for (int i = 0; i < prefix.length(); i++) {
			if (in.getByte(in.readerIndex() + i) != prefix.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private static int indexOfHeadEnd(ByteBuf in) {
		int last = in.writerIndex() - 4;
		for (int i = in.readerIndex(); i <= last; i++) {
			if (in.getByte(i) == '\r' && in.getByte(i + 1) == '\n' && in.getByte(i + 2) == '\r' && in.getByte(i + 3) == '\n') {
				return i;
			}
		}
		return -1;
	}

	static String header(String head, String name) {
		for (String line : head.split("\r\n")) {
			int colon = line.indexOf(':');
			if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
				return line.substring(colon + 1).trim();
			}
		}
		return null;
	}

}
