// Progressive enhancement only: every form on the site works without this file.
(function () {
  "use strict";

  function csrfToken(form) {
    var input = form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  // Formatting toolbar: wraps or prefixes the selected text with Markdown.
  function applyFormat(textarea, kind) {
    var start = textarea.selectionStart, end = textarea.selectionEnd;
    var value = textarea.value, selected = value.slice(start, end);
    var before = "", after = "", text = selected;
    if (kind === "bold") { before = "**"; after = "**"; text = selected || "bold text"; }
    else if (kind === "italic") { before = "*"; after = "*"; text = selected || "italic text"; }
    else if (kind === "link") {
      var url = window.prompt("Link address (https://…)", "https://");
      if (!url) { return; }
      before = "["; after = "](" + url + ")"; text = selected || "link text";
    } else if (kind === "list" || kind === "quote") {
      var prefix = kind === "list" ? "- " : "> ";
      text = (selected || (kind === "list" ? "list item" : "quoted text"))
        .split("\n").map(function (line) { return prefix + line; }).join("\n");
      if (start > 0 && value.charAt(start - 1) !== "\n") { before = "\n"; }
    }
    textarea.setRangeText(before + text + after, start, end, "end");
    textarea.focus();
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }

  document.querySelectorAll("[data-editor]").forEach(function (editor) {
    var toolbar = editor.querySelector(".toolbar");
    var textarea = editor.querySelector("textarea");
    if (!toolbar || !textarea) { return; }
    toolbar.hidden = false;
    toolbar.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-md]");
      if (button) { applyFormat(textarea, button.getAttribute("data-md")); }
    });
  });

  // Preview in place: the server renders the draft with the same code that posts it.
  document.querySelectorAll("button[name=preview]").forEach(function (button) {
    var form = button.form;
    var textarea = form && form.querySelector("textarea[name=body]");
    if (!textarea || !window.fetch) { return; }
    button.addEventListener("click", function (event) {
      event.preventDefault();
      var body = new FormData();
      body.append("body", textarea.value);
      fetch("/preview/", {
        method: "POST", body: body, credentials: "same-origin",
        headers: { "X-CSRFToken": csrfToken(form) }
      }).then(function (response) {
        if (!response.ok) { throw new Error("preview failed"); }
        return response.text();
      }).then(function (html) {
        var box = form.parentNode.querySelector(".live-preview");
        if (!box) {
          box = document.createElement("div");
          box.className = "preview live-preview";
          box.setAttribute("aria-live", "polite");
          box.innerHTML = "<h3>Preview</h3><div class=\"body\"></div>";
          form.parentNode.insertBefore(box, form);
        }
        // The HTML comes from our own server, already sanitised by nh3.
        box.querySelector(".body").innerHTML = html;
        box.scrollIntoView({ block: "nearest" });
      }).catch(function () { form.requestSubmit(button); });
    });
  });

  // Voting without a page reload; the form posts normally if this fails.
  document.querySelectorAll(".vote-form").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      var button = event.submitter;
      if (!button || !window.fetch) { return; }
      event.preventDefault();
      var body = new FormData(form);
      body.append("value", button.value);
      fetch(form.action, {
        method: "POST", body: body, credentials: "same-origin",
        headers: { "X-Requested-With": "fetch", "X-CSRFToken": csrfToken(form) }
      }).then(function (response) {
        return response.json().then(function (data) { return { ok: response.ok, data: data }; });
      }).then(function (result) {
        if (!result.ok) { window.alert(result.data.error || "Your vote could not be saved."); return; }
        form.querySelector(".netvote").textContent = result.data.label;
        form.querySelectorAll("button.vote").forEach(function (other) {
          var isUp = other.classList.contains("up");
          var pressed = result.data.vote === (isUp ? 1 : -1);
          other.setAttribute("aria-pressed", pressed ? "true" : "false");
          other.value = pressed ? "retract" : (isUp ? "up" : "down");
        });
      }).catch(function () { window.location.reload(); });
    });
  });
})();
