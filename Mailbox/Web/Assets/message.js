// One received message (/messages/{id}) or one preview (/previews/{id}) in tabs. Its HTML goes only into the
// sandboxed iframe; everything else is set as text.
"use strict";

(function () {
  start();

  function fact(table, name, value) {
    const tr = element("tr");
    const cell = element("td");
    if (value instanceof Node) cell.append(value); else cell.textContent = value === null || value === undefined ? "—" : String(value);
    tr.append(element("td", name), cell);
    table.querySelector("tbody").append(tr);
  }

  // The session's opening, then this message's own transaction, marked; earlier messages' transactions are left out.
  function commands(s) {
    const line = element("span", null, "commands");
    line.id = "commands";
    for (const verb of s.opening) line.append(element("span", verb, "command"), " ");
    if (s.earlierMessages > 0) {
      const gap = s.earlierMessages === 1 ? "1 earlier message" : s.earlierMessages + " earlier messages";
      line.append(element("span", "… " + gap + " …", "gap"), " ");
    }
    for (const verb of s.transaction) {
      const mine = element("span", verb, "command mine");
      mine.title = "this message's transaction";
      line.append(mine, " ");
    }
    return line;
  }

  function select(tab) {
    for (const button of document.querySelectorAll("[data-tab]")) {
      button.setAttribute("aria-selected", String(button.dataset.tab === tab));
    }
    for (const panel of document.querySelectorAll("[data-panel]")) {
      panel.hidden = panel.dataset.panel !== tab;
    }
    document.body.dataset.tab = tab;
  }

  async function start() {
    const isPreview = location.pathname.startsWith("/previews/");
    const id = decodeURIComponent(location.pathname.split("/").pop());
    const api = (isPreview ? "/api/previews/" : "/api/messages/") + encodeURIComponent(id);
    for (const button of document.querySelectorAll("[data-tab]")) {
      button.addEventListener("click", () => select(button.dataset.tab));
    }

    let message;
    try {
      message = await getJson(api);
    } catch (error) {
      const shown = document.getElementById("error");
      shown.textContent = error.message;
      shown.hidden = false;
      document.body.dataset.loaded = "error";
      return;
    }

    document.title = (message.subject || "(no subject)") + " · TypedMail Mailbox";
    document.getElementById("subject").textContent = message.subject || "(no subject)";
    document.getElementById("from").textContent = message.from;
    document.getElementById("to").textContent = message.to.join(", ");
    if (message.cc.length > 0) {
      document.getElementById("cc").textContent = message.cc.join(", ");
      document.getElementById("cc").hidden = document.getElementById("cc-label").hidden = false;
    }
    document.getElementById("date").textContent = formatTime(message.date || message.receivedAt);
    if (message.preview) {
      document.getElementById("source").textContent = message.preview.messageType + " (" + message.preview.member + ")";
      document.getElementById("source").hidden = document.getElementById("source-label").hidden = false;
    }

    const frame = document.getElementById("html-frame");
    if (message.htmlUrl) {
      frame.src = message.htmlUrl;
      frame.hidden = false;
    } else {
      document.getElementById("no-html").hidden = false;
    }

    document.getElementById("text").textContent = message.text === null ? "(no text body)" : message.text;

    const headers = document.getElementById("headers");
    for (const header of message.headers) fact(headers, header.name, header.value);

    document.getElementById("raw-link").href = message.rawUrl;
    fetch(message.rawUrl).then((response) => response.text()).then((raw) => { document.getElementById("raw").textContent = raw; });

    const attachments = document.getElementById("attachments");
    document.getElementById("attachment-count").textContent = "(" + message.attachments.length + ")";
    document.getElementById("no-attachments").hidden = message.attachments.length > 0;
    for (const part of message.attachments) {
      const item = element("li");
      const link = element("a", part.fileName);
      link.href = part.url;
      link.setAttribute("download", part.fileName);
      item.append(link, " ", part.contentType + ", " + formatSize(part.size));
      if (part.inline) item.append(" ", badge("inline cid:" + part.contentId));
      attachments.append(item);
    }

    const session = document.getElementById("session");
    const envelope = document.getElementById("envelope");
    if (message.session) {
      const s = message.session;
      fact(session, "Listener", s.listener);
      fact(session, "Session", s.number);
      fact(session, "STARTTLS issued", s.startTlsIssued ? "yes" : "no");
      fact(session, "On TLS at DATA", s.secure ? "yes" : "no");
      fact(session, "TLS protocol", s.tlsProtocol);
      fact(session, "AUTH mechanism", s.authMechanism);
      fact(session, "AUTH user", s.authenticatedUser);
      fact(session, "Commands", commands(s));
    } else {
      document.getElementById("no-session").hidden = false;
      session.hidden = true;
    }
    if (message.envelope) {
      fact(envelope, "MAIL FROM", "<" + message.envelope.mailFrom + ">");
      for (const recipient of message.envelope.recipients) {
        const value = element("span", "<" + recipient.address + ">");
        if (recipient.bccOnly) value.append(" ", badge("Bcc only"));
        fact(envelope, "RCPT TO", value);
      }
    } else {
      document.getElementById("envelope-title").hidden = true;
      envelope.hidden = true;
    }

    select(message.htmlUrl ? "html" : "text");
    document.body.dataset.loaded = "true";
  }
})();
