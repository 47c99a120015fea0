// The list of received messages, newest first, refreshed on each change event from /api/events.
"use strict";

(function () {
  start();

  function start() {
    const body = document.querySelector("#messages tbody");
    const status = document.getElementById("status");
    let shown = -1;

    async function refresh() {
      const messages = await getJson("/api/messages");
      body.replaceChildren(...messages.map(row));
      document.getElementById("empty").hidden = messages.length > 0;
      document.getElementById("messages").hidden = messages.length === 0;
      document.body.dataset.count = String(messages.length);
    }

    function row(message) {
      const tr = document.createElement("tr");
      tr.dataset.id = message.id;
      const link = element("a", message.subject || "(no subject)");
      link.href = "/messages/" + encodeURIComponent(message.id);
      const subject = element("td");
      subject.append(link);
      if (message.attachments > 0) subject.append(" ", badge(message.attachments + (message.attachments === 1 ? " attachment" : " attachments")));
      const tls = element("td");
      tls.append(badge(tlsText(message.session), message.session.secure));
      const auth = element("td");
      auth.append(badge(authText(message.session), !!message.session.authenticatedUser));
      tr.append(
        element("td", formatTime(message.receivedAt)),
        element("td", message.from),
        element("td", message.to.join(", ")),
        subject,
        element("td", formatSize(message.size), "size"),
        tls,
        auth);
      tr.addEventListener("click", (event) => { if (event.target.tagName !== "A") location.href = link.href; });
      return tr;
    }

    const events = new EventSource("/api/events");
    events.addEventListener("changed", (event) => {
      const version = Number(event.data);
      status.textContent = "live";
      if (version !== shown) {
        shown = version;
        refresh().catch((error) => { status.textContent = error.message; });
      }
    });
    events.onerror = () => { status.textContent = "reconnecting…"; };

    document.getElementById("delete-all").addEventListener("click", async () => {
      if (!confirm("Delete every message?")) return;
      await fetch("/api/messages", { method: "DELETE" });
    });
  }
})();
