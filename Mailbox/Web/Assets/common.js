// Shared by the inbox's pages: DOM helpers and formatting. Mail content is only ever set as text, never as markup.
"use strict";

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

function badge(text, on) {
  return element("span", text, on ? "badge on" : "badge");
}

function formatSize(bytes) {
  if (bytes < 1024) return bytes + " B";
  if (bytes < 1024 * 1024) return (bytes / 1024).toFixed(1) + " KB";
  return (bytes / 1024 / 1024).toFixed(1) + " MB";
}

function formatTime(iso) {
  return iso ? new Date(iso).toLocaleString() : "";
}

function tlsText(session) {
  if (!session.secure) return session.startTlsIssued ? "STARTTLS (failed)" : "none";
  const how = session.startTlsIssued ? "STARTTLS" : "implicit";
  return session.tlsProtocol ? how + " " + session.tlsProtocol : how;
}

function authText(session) {
  if (!session.authenticatedUser) return session.authMechanism ? session.authMechanism + " (refused)" : "none";
  return (session.authMechanism || "AUTH") + " " + session.authenticatedUser;
}

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    let detail = response.status + " " + response.statusText;
    try { detail = (await response.json()).detail || detail; } catch (e) { /* not JSON */ }
    throw new Error(detail);
  }
  return response.json();
}
