// Progressive enhancement only: every form on the site works without this file.
// The words the script shows, in the page's language: base.html's JSON data block, read once
// (mindwell.core.js_strings; a data block, as the Content-Security-Policy forbids inline scripts).
var mindwellWords = (function () {
  "use strict";
  var block = document.getElementById("mw-i18n");
  return block ? JSON.parse(block.textContent) : {};
})();
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
    if (kind === "bold") { before = "**"; after = "**"; text = selected || mindwellWords.boldText; }
    else if (kind === "italic") { before = "*"; after = "*"; text = selected || mindwellWords.italicText; }
    else if (kind === "link") {
      var url = window.prompt(mindwellWords.linkPrompt, "https://");
      if (!url) { return; }
      before = "["; after = "](" + url + ")"; text = selected || mindwellWords.linkText;
    } else if (kind === "list" || kind === "quote") {
      var prefix = kind === "list" ? "- " : "> ";
      text = (selected || (kind === "list" ? mindwellWords.listItem : mindwellWords.quotedText))
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
          box.innerHTML = "<h3></h3><div class=\"body\"></div>";
          box.querySelector("h3").textContent = mindwellWords.preview;
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
        if (!result.ok) { window.alert(result.data.error || mindwellWords.voteFailed); return; }
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

// ---- Quick exit (safety; templates/safety/_quick_exit.html) -------------------------------
// Someone may need to hide this site in a hurry. The page is blanked first so nothing stays
// on screen while the neutral site loads, and location.replace swaps this page's history
// entry so Back does not bring it back. Escape pressed three times quickly does the same.
(function () {
  "use strict";
  var link = document.querySelector("[data-quick-exit]");
  if (!link) { return; }
  var target = link.href;
  var presses = [];

  function leave(event) {
    if (event) { event.preventDefault(); }
    document.title = "";
    document.body.style.display = "none";
    document.body.innerHTML = "";
    window.location.replace(target);
  }

  link.addEventListener("click", leave);
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" && event.key !== "Esc") { return; }
    var now = Date.now();
    presses = presses.filter(function (time) { return now - time < 1500; });
    presses.push(now);
    if (presses.length >= 3) { leave(event); }
  });
})();
// ---- end of quick exit ---------------------------------------------------------------------
// ---- Moderation: send a flag without leaving the page (templates/moderation/flag.html) --------
(function () {
  "use strict";
  document.querySelectorAll("form.flag-form").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.fetch || form.dataset.sending) { return; }
      event.preventDefault();
      form.dataset.sending = "1";
      var token = form.querySelector("input[name=csrfmiddlewaretoken]");
      fetch(form.action, {
        method: "POST", body: new FormData(form), credentials: "same-origin",
        headers: { "X-Requested-With": "fetch", "X-CSRFToken": token ? token.value : "" }
      }).then(function (response) {
        return response.json().then(function (data) { return { ok: response.ok, data: data }; });
      }).then(function (result) {
        delete form.dataset.sending;
        var box = form.querySelector(".flag-result, .form-error.js");
        if (box) { box.remove(); }
        var message = document.createElement("p");
        message.setAttribute("role", result.ok ? "status" : "alert");
        message.textContent = result.ok ? result.data.message : result.data.error;
        if (result.ok) {
          // The typed note is sent; show the thanks where the form was, with the way back.
          message.className = "flag-result";
          var back = form.querySelector("input[name=next]");
          var link = document.createElement("a");
          link.href = back ? back.value : "/";
          link.textContent = mindwellWords.backToPost;
          form.replaceWith(message);
          message.after(link);
          message.setAttribute("tabindex", "-1");
          message.focus();
        } else {
          message.className = "form-error js";
          form.prepend(message);
        }
      }).catch(function () { form.submit(); });
    });
  });
})();
// ---- end of moderation -----------------------------------------------------------------------
// ---- Safety: crisis notice in the composer as someone types (templates/safety/_composer_notice.html)
// The server assesses the draft with the same code as Preview and posting, and answers with
// the notice to show; nothing typed is kept. Without this, Preview shows the same notice.
(function () {
  "use strict";
  if (!window.fetch || !window.FormData) { return; }
  var ASSESS_URL = "/safety/assess/", PAUSE_MS = 900;

  function regionFor(form) {
    var siblings = form.parentNode.children;
    for (var i = 0; i < siblings.length; i++) {
      if (siblings[i].hasAttribute("data-safety-notice")) { return siblings[i]; }
    }
    // Comment forms have no notice of their own: add the same polite live region.
    var region = document.createElement("div");
    region.className = "safety-notice-region";
    region.setAttribute("data-safety-notice", "");
    region.setAttribute("data-level", "none");
    region.setAttribute("aria-live", "polite");
    form.parentNode.insertBefore(region, form);
    return region;
  }

  document.querySelectorAll("form.post-form").forEach(function (form) {
    var body = form.querySelector("textarea[name=body]");
    var token = form.querySelector("input[name=csrfmiddlewaretoken]");
    if (!body || !token) { return; }
    var title = form.querySelector("input[name=title]");
    var timer = null, lastSent = null;

    function check() {
      var draft = (title ? title.value : "") + "\n" + body.value;
      if (draft === lastSent) { return; }
      lastSent = draft;
      var data = new FormData();
      data.append("title", title ? title.value : "");
      data.append("body", body.value);
      fetch(ASSESS_URL, {
        method: "POST", body: data, credentials: "same-origin",
        headers: { "X-CSRFToken": token.value, "X-Requested-With": "fetch" }
      }).then(function (response) {
        return response.ok ? response.json() : null;  // rate limited: keep what is shown
      }).then(function (result) {
        if (!result) { return; }
        var region = regionFor(form);
        // Unchanged level: leave the notice alone so a screen reader does not repeat it.
        if ((region.getAttribute("data-level") || "none") === result.level) { return; }
        region.setAttribute("data-level", result.level);
        // Our own server's template, escaped there.
        region.innerHTML = result.html;
      }).catch(function () { lastSent = null; });
    }

    function schedule() { window.clearTimeout(timer); timer = window.setTimeout(check, PAUSE_MS); }
    body.addEventListener("input", schedule);
    if (title) { title.addEventListener("input", schedule); }
  });
})();
// ---- end of safety composer notice ----------------------------------------------------------
// ---- Search: similar questions while asking (templates/search/_similar_questions.html) -----
// After a pause in typing the title, the server's similar questions fill the live region
// under the title field; links open in the same tab. Without this, Preview shows the list.
(function () {
  "use strict";
  var box = document.querySelector("[data-similar-url]");
  if (!box || !window.fetch) { return; }
  var form = box.closest("form");
  var title = form && form.querySelector("input[name=title]");
  var region = box.querySelector("[data-similar-results]");
  if (!title || !region) { return; }
  var url = box.getAttribute("data-similar-url");
  var PAUSE_MS = 400;
  var timer = null, lastSent = title.value.trim(), latest = 0;


  function render(questions) {
    region.textContent = "";
    if (!questions.length) { return; }
    var heading = document.createElement("h2");
    heading.className = "similar-heading";
    heading.textContent = mindwellWords.similarHeading;
    var list = document.createElement("ul");
    list.className = "similar-list";
    questions.forEach(function (question) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = question.url;
      link.textContent = question.title;
      var meta = document.createElement("span");
      meta.className = "meta";
      meta.textContent = " (" + question.answers_label +
        (question.has_best ? ", " + mindwellWords.oneChosenAsBest : "") + ")";
      item.appendChild(link);
      item.appendChild(meta);
      list.appendChild(item);
    });
    region.appendChild(heading);
    region.appendChild(list);
  }

  function check() {
    var text = title.value.trim();
    if (text === lastSent) { return; }
    lastSent = text;
    if (text.length < 3) { render([]); return; }
    var request = ++latest;
    fetch(url + "?title=" + encodeURIComponent(text), {
      credentials: "same-origin", headers: { "X-Requested-With": "fetch" }
    }).then(function (response) {
      return response.ok ? response.json() : null;  // rate limited: keep what is shown
    }).then(function (data) {
      // An older answer arriving late must not replace a newer one.
      if (data && request === latest) { render(data.questions || []); }
    }).catch(function () { lastSent = null; });
  }

  title.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(check, PAUSE_MS);
  });
})();
// ---- end of search ---------------------------------------------------------------------------
// ---- Following: follow and unfollow without a page reload (templates/follows/_button.html) --
// The form posts normally without JavaScript; here the same POST is sent with fetch and the
// button and its spoken state change in place. On any failure the form is sent normally.
(function () {
  "use strict";
  document.querySelectorAll("form[data-follow]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.fetch || !window.FormData) { return; }
      event.preventDefault();
      var action = form.querySelector("input[name=action]");
      var button = form.querySelector("button");
      var state = form.querySelector(".follow-state");
      var token = form.querySelector("input[name=csrfmiddlewaretoken]");
      button.disabled = true;
      // Not form.action: the form's input named "action" shadows that property.
      fetch(form.getAttribute("action"), {
        method: "POST", body: new FormData(form), credentials: "same-origin",
        headers: { "X-Requested-With": "fetch", "X-CSRFToken": token ? token.value : "" }
      }).then(function (response) {
        return response.json().then(function (data) { return { ok: response.ok, data: data }; });
      }).then(function (result) {
        button.disabled = false;
        if (!result.ok) { state.textContent = result.data.error || mindwellWords.tryAgain; return; }
        var following = result.data.following;
        var label = button.getAttribute("data-label");
        action.value = following ? "unfollow" : "follow";
        button.setAttribute("aria-pressed", following ? "true" : "false");
        button.firstChild.textContent = (following ? mindwellWords.unfollow : mindwellWords.follow) + " ";
        var said = following ? mindwellWords.youFollow : mindwellWords.youNoLongerFollow;
        state.textContent = said.replace("%(label)s", label);
      }).catch(function () { button.disabled = false; form.submit(); });
    });
  });
})();
// ---- end of following ------------------------------------------------------------------------
// ---- Theme switch (templates/core/_theme_switch.html, mindwell.core.theme) -------------------
// Without this the form posts and the page comes back in the new colours. Here the same POST
// is sent with fetch (the server still sets the cookie, so the choice is remembered) and the
// colours change in place; on any failure the form is sent normally.
(function () {
  "use strict";
  document.querySelectorAll("form[data-theme-switch]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      var button = event.submitter;
      if (!button || !window.fetch || !window.FormData) { return; }
      event.preventDefault();
      var data = new FormData(form);
      data.append("theme", button.value);
      fetch(form.action, {
        method: "POST", body: data, credentials: "same-origin",
        headers: { "X-Requested-With": "fetch" }
      }).then(function (response) {
        if (!response.ok) { throw new Error("theme not saved"); }
        return response.json();
      }).then(function (result) {
        document.documentElement.setAttribute("data-theme", result.theme);
        document.querySelectorAll("form[data-theme-switch] button[name=theme]").forEach(function (other) {
          other.setAttribute("aria-pressed", other.value === result.theme ? "true" : "false");
        });
      }).catch(function () {
        // form.submit() sends no submit button, so the choice goes in a hidden field.
        var chosen = document.createElement("input");
        chosen.type = "hidden";
        chosen.name = "theme";
        chosen.value = button.value;
        form.appendChild(chosen);
        form.submit();
      });
    });
  });
})();
// ---- end of theme switch ---------------------------------------------------------------------
