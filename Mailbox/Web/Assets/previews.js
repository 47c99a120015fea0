// Every message type of the previewed assemblies, with a link to each rendered [PreviewData] sample; shown again by
// itself when a rebuild of a previewed assembly changes them (/api/previews-events).
"use strict";

(function () {
  start();

  function start() {
    let shown = null;
    const events = new EventSource("/api/previews-events");
    events.addEventListener("changed", (event) => {
      const version = Number(event.data);
      if (version === shown) return;
      shown = version;
      render().catch((error) => { document.getElementById("reload-error").textContent = error.message; });
    });
  }

  async function render() {
    const catalog = await getJson("/api/previews");
    const types = document.getElementById("types");
    types.replaceChildren();
    document.getElementById("empty").hidden = catalog.types.length > 0;
    const reloadError = document.getElementById("reload-error");
    reloadError.textContent = catalog.reloadError || "";
    reloadError.hidden = !catalog.reloadError;
    for (const type of catalog.types) {
      const section = element("section", null, "type");
      section.dataset.type = type.messageType;
      section.append(element("h2", type.messageType));
      if (type.previews.length === 0) {
        section.append(element("p", "No [PreviewData] member returns this message type.", "missing"));
      }
      const list = element("ul");
      for (const preview of type.previews) {
        const item = element("li");
        item.dataset.preview = preview.id;
        if (preview.url) {
          const link = element("a", preview.name);
          link.href = preview.url;
          item.append(link, " — ", preview.subject || "(no subject)", " → ", preview.to.join(", "));
        } else {
          item.append(element("span", preview.name + ": " + preview.error, "error"));
        }
        list.append(item);
      }
      section.append(list);
      types.append(section);
    }
    document.body.dataset.version = String(catalog.version);
    document.body.dataset.loaded = "true";
  }
})();
