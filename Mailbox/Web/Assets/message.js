// One received message (/messages/{id}) or one preview (/previews/{id}) in tabs. Its HTML goes only into the
// sandboxed iframe; everything else is set as text.
"use strict";

(function () {
  let widthsUrl = null;
  let spamUrl = null;
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

  async function showLinks(api) {
    const found = await getJson(api + "/links");
    const none = document.getElementById("no-links");
    const table = document.getElementById("links");
    if (!found.hasHtml || found.links.length === 0) {
      none.textContent = found.hasHtml ? "The HTML body has no link." : "This message has no HTML body.";
      none.hidden = false;
      document.getElementById("link-warnings").textContent = "(0)";
      document.body.dataset.links = "loaded";
      return;
    }
    let warnings = 0;
    for (const link of found.links) {
      const tr = element("tr");
      const check = element("td");
      if (link.warning) {
        warnings++;
        check.append(element("span", "\u26a0 " + link.warning, "warning"));
        tr.className = "warned";
      } else {
        check.append(badge(link.scheme || "in-page", true));
      }
      tr.append(element("td", link.text || "(no text)"), element("td", link.url, "url"), check);
      table.querySelector("tbody").append(tr);
    }
    table.hidden = false;
    document.getElementById("link-warnings").textContent = warnings > 0 ? "\u26a0 " + warnings : "(" + found.links.length + ")";
    document.body.dataset.links = "loaded";
  }

  async function showDkim(api) {
    const found = await getJson(api + "/dkim");
    const list = document.getElementById("dkim");
    if (found.signatures.length === 0) {
      const none = document.getElementById("no-dkim");
      none.textContent = "This message has no DKIM-Signature header: it is not signed.";
      none.hidden = false;
    }
    for (const signature of found.signatures) {
      const table = element("table", null, "facts dkim-signature");
      table.append(element("tbody"));
      table.dataset.result = signature.result;
      fact(table, "Result", element("span", signature.result, "verdict " + signature.result));
      fact(table, "Domain (d=)", signature.domain);
      fact(table, "Selector (s=)", signature.selector);
      fact(table, "Algorithm (a=)", signature.algorithm);
      fact(table, "Signed headers (h=)", signature.signedHeaders);
      fact(table, "Why", signature.detail);
      list.append(table);
    }
    document.getElementById("dkim-summary").textContent = found.signatures.length === 0 ? "(none)" : found.signatures.map((s) => s.result).join(", ");
    document.body.dataset.dkim = "loaded";
  }

  function showLinksError(error) {
    const none = document.getElementById("no-links");
    none.textContent = error.message;
    none.hidden = false;
  }

  // The two widths load when their tab is first shown; each has its own address so the frames can be told apart (the
  // server ignores the query).
  function loadWidths() {
    const phone = document.getElementById("phone-frame");
    if (!widthsUrl || phone.src) return;
    phone.src = widthsUrl + "?width=375";
    document.getElementById("desktop-frame").src = widthsUrl + "?width=1024";
  }

  // SpamAssassin takes a second or more: it runs when its tab is first shown.
  async function showSpam() {
    if (!spamUrl || document.body.dataset.spam) return;
    document.body.dataset.spam = "running";
    const status = document.getElementById("spam-status");
    let verdict;
    try {
      verdict = await getJson(spamUrl);
    } catch (error) {
      status.textContent = error.message;
      document.body.dataset.spam = "error";
      return;
    }
    if (!verdict.available || verdict.score === null) {
      status.textContent = verdict.detail;
      status.className = verdict.available ? "error" : "missing-tool";
      document.getElementById("spam-summary").textContent = verdict.available ? "(failed)" : "(not installed)";
      document.body.dataset.spam = verdict.available ? "failed" : "missing";
      return;
    }
    status.hidden = true;
    const table = document.getElementById("spam-verdict");
    fact(table, "Score", element("span", verdict.score.toFixed(1), "verdict " + (verdict.isSpam ? "fail" : "pass")));
    fact(table, "Threshold", verdict.threshold.toFixed(1) + " (from this score on, SpamAssassin calls it spam)");
    fact(table, "Verdict", verdict.isSpam ? "spam" : "not spam");
    table.hidden = false;
    const rules = document.getElementById("spam-rules");
    for (const rule of verdict.rules) {
      const tr = element("tr");
      if (rule.points > 0) tr.className = "warned";
      tr.append(element("td", rule.points.toFixed(1)), element("td", rule.name, "url"), element("td", rule.description));
      rules.querySelector("tbody").append(tr);
    }
    rules.hidden = verdict.rules.length === 0;
    document.getElementById("spam-summary").textContent = verdict.score.toFixed(1);
    document.body.dataset.spam = "scored";
  }

  // Release: forward this message to the real SMTP server the inbox was started with (--relay), to the recipients given.
  async function offerRelease(api, message) {
    const relay = await getJson("/api/relay");
    if (!relay.configured) return;
    const button = document.getElementById("release");
    const form = document.getElementById("release-form");
    const status = document.getElementById("release-status");
    button.hidden = false;
    document.getElementById("relay-address").textContent = relay.address;
    document.getElementById("release-to").value = message.envelope ? message.envelope.recipients.map((r) => r.address).join(", ") : "";
    button.addEventListener("click", () => { form.hidden = !form.hidden; });
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const to = document.getElementById("release-to").value.split(",").map((a) => a.trim()).filter((a) => a.length > 0);
      status.textContent = "Sending…";
      status.className = "";
      const response = await fetch(api + "/release", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ to: to }),
      });
      const answer = await response.json();
      if (response.ok) {
        status.textContent = "Sent to " + answer.recipients.join(", ") + " via " + answer.relay + ".";
        status.className = "sent";
      } else {
        status.textContent = "Not sent: " + (answer.error || answer.detail || response.statusText);
        status.className = "error";
      }
      document.body.dataset.release = response.ok ? "sent" : "failed";
    });
  }

  function select(tab) {
    if (tab === "widths") loadWidths();
    if (tab === "spam") showSpam();
    for (const button of document.querySelectorAll("button[data-tab]")) {
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
    // Each tab has its own address (#raw, #headers...), so a link in a bug report opens the right view.
    for (const button of document.querySelectorAll("button[data-tab]")) {
      button.addEventListener("click", () => {
        history.replaceState(null, "", "#" + button.dataset.tab);
        select(button.dataset.tab);
      });
    }
    const linked = () => {
      const tab = location.hash.slice(1);
      return document.querySelector("button[data-tab='" + CSS.escape(tab) + "']") ? tab : null;
    };
    window.addEventListener("hashchange", () => { const tab = linked(); if (tab) select(tab); });

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
      widthsUrl = message.htmlUrl;
    } else {
      document.getElementById("no-html").hidden = false;
      document.getElementById("no-widths").hidden = false;
      document.getElementById("widths").hidden = true;
    }
    spamUrl = api + "/spam";
    showLinks(api).catch((error) => showLinksError(error));
    showDkim(api).catch((error) => { const none = document.getElementById("no-dkim"); none.textContent = error.message; none.hidden = false; });

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

    if (isPreview) {
      // A rebuild of the previewed assembly renders the sample again: show the new rendering, in the same tab.
      let first = null;
      new EventSource("/api/previews-events").addEventListener("changed", (event) => {
        if (first === null) first = event.data;
        else if (event.data !== first) location.reload();
      });
    }
    if (!isPreview) {
      offerRelease(api, message).catch((error) => { document.getElementById("release-status").textContent = error.message; });
      const remove = document.getElementById("delete");
      remove.hidden = false;
      remove.addEventListener("click", async () => {
        const response = await fetch(api, { method: "DELETE" });
        if (response.ok) location.href = "/";
      });
    }

    select(linked() || (message.htmlUrl ? "html" : "text"));
    document.body.dataset.loaded = "true";
  }
})();
