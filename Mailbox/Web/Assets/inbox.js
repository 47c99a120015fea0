// The list of received messages, newest first, a page at a time, filtered by the search box (?q= in the address, so a
// search can be linked), refreshed on each change event from /api/events.
"use strict";

(function () {
  const pageSize = 50;
  start();

  function start() {
    const body = document.querySelector("#messages tbody");
    const status = document.getElementById("status");
    const search = document.getElementById("search");
    const params = new URLSearchParams(location.search);
    let query = params.get("q") || "";
    let skip = 0;
    let shown = -1;
    let asked = 0;
    search.value = query;

    async function refresh() {
      const mine = ++asked;
      const url = "/api/messages?skip=" + skip + "&take=" + pageSize + (query ? "&q=" + encodeURIComponent(query) : "");
      const response = await fetch(url, { headers: { Accept: "application/json" } });
      if (!response.ok) throw new Error((await response.json()).detail || response.statusText);
      const messages = await response.json();
      if (mine !== asked) return; // a newer search or page was asked for meanwhile
      const total = Number(response.headers.get("X-Total-Count"));
      body.replaceChildren(...messages.map(row));
      const empty = document.getElementById("empty");
      empty.textContent = query ? "No message matches \u201c" + query + "\u201d." : "No message yet. Send one to the SMTP address printed at start.";
      empty.hidden = messages.length > 0;
      document.getElementById("messages").hidden = messages.length === 0;
      document.getElementById("range").textContent = total === 0 ? "" : (skip + 1) + "\u2013" + (skip + messages.length) + " of " + total;
      document.getElementById("newer").disabled = skip === 0;
      document.getElementById("older").disabled = skip + messages.length >= total;
      document.body.dataset.count = String(messages.length);
      document.body.dataset.total = String(total);
      document.body.dataset.query = query;
    }

    function show() {
      refresh().catch((error) => { status.textContent = error.message; });
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
      const remove = element("button", "\u00d7", "delete-one");
      remove.type = "button";
      remove.title = "Delete this message";
      remove.setAttribute("aria-label", "Delete " + (message.subject || "(no subject)"));
      remove.addEventListener("click", async (event) => {
        event.stopPropagation();
        await fetch("/api/messages/" + encodeURIComponent(message.id), { method: "DELETE" });
      });
      const actions = element("td");
      actions.append(remove);
      tr.append(
        element("td", formatTime(message.receivedAt)),
        element("td", message.from),
        element("td", message.to.join(", ")),
        subject,
        element("td", formatSize(message.size), "size"),
        tls,
        auth,
        actions);
      tr.addEventListener("click", (event) => { if (event.target.tagName !== "A") location.href = link.href; });
      return tr;
    }

    let typing;
    search.addEventListener("input", () => {
      clearTimeout(typing);
      typing = setTimeout(() => {
        query = search.value.trim();
        skip = 0;
        const address = new URL(location.href);
        if (query) address.searchParams.set("q", query); else address.searchParams.delete("q");
        history.replaceState(null, "", address);
        show();
      }, 150);
    });
    document.getElementById("search-form").addEventListener("submit", (event) => event.preventDefault());
    document.getElementById("newer").addEventListener("click", () => { skip = Math.max(0, skip - pageSize); show(); });
    document.getElementById("older").addEventListener("click", () => { skip += pageSize; show(); });

    const events = new EventSource("/api/events");
    events.addEventListener("changed", (event) => {
      const version = Number(event.data);
      status.textContent = "live";
      if (version !== shown) {
        shown = version;
        show();
      }
    });
    events.onerror = () => { status.textContent = "reconnecting…"; };

    document.getElementById("delete-all").addEventListener("click", async () => {
      if (!confirm("Delete every message?")) return;
      await fetch("/api/messages", { method: "DELETE" });
    });
  }
})();
