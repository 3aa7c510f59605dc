// dh_view_render.js - run valgrind's own DHAT viewer on a file, headless,
// and print the text it shows.
//
//   node dh_view_render.js /usr/libexec/valgrind/dh_view.js FILE.json
//
// dh_view.js only loads files through a browser file picker, so this runs
// its code in a node vm context with just enough DOM for it (elements with
// children, classes and text; text nodes), then does what its loadFile()
// does with the file's text: gData = JSON.parse(text), buildTree(),
// displayTree(). Whatever the viewer throws (a missing field, a repeated
// location, a wrong version) fails the run with its message; otherwise the
// text of the viewer's main section is printed, as a user would read it.
"use strict";
const fs = require("fs");
const vm = require("vm");

class Node {
  constructor(tag) {
    this.tagName = tag;
    this.childNodes = [];
    this.parentNode = null;
    this.className = "";
    this._text = "";
    const self = this;
    this.classList = {
      contains: (c) => self.className.split(/\s+/).includes(c),
      add: (c) => { if (!this.contains(c)) self.className += " " + c; },
      toggle: (c) => {
        const l = self.className.split(/\s+/).filter((x) => x);
        const i = l.indexOf(c);
        if (i >= 0) l.splice(i, 1); else l.push(c);
        self.className = l.join(" ");
      },
    };
  }
  appendChild(n) { n.parentNode = this; this.childNodes.push(n); return n; }
  replaceChild(n, old) {
    const i = this.childNodes.indexOf(old);
    this.childNodes[i] = n;
    n.parentNode = this;
    return old;
  }
  cloneNode() { const n = new Node(this.tagName); n.className = this.className; return n; }
  get nextSibling() {
    const s = this.parentNode.childNodes;
    return s[s.indexOf(this) + 1];
  }
  set textContent(t) { this.childNodes = []; this._text = String(t); }
  get textContent() { return this._text + this.childNodes.map((c) => c.textContent).join(""); }
  // <select>: the index of the selected <option>.
  get selectedIndex() {
    const i = this.childNodes.findIndex((o) => o.selected);
    return i < 0 ? 0 : i;
  }
}

const document = {
  title: "",
  location: { search: "" },
  body: new Node("body"),
  createElement: (tag) => new Node(tag),
  createTextNode: (t) => { const n = new Node("#text"); n.textContent = t; return n; },
};

const [viewer, file] = process.argv.slice(2);
const ctx = vm.createContext({
  document, performance, URLSearchParams, console,
  __dhatText: fs.readFileSync(file, "utf8"),
  __dhatName: file,
});
vm.runInContext(fs.readFileSync(viewer, "utf8"), ctx, { filename: viewer });
try {
  const text = vm.runInContext(`
    onLoad();
    gFilename = __dhatName;
    gData = JSON.parse(__dhatText);
    buildTree();
    displayTree();
    gMainDiv.textContent;
  `, ctx);
  process.stdout.write(text);
} catch (e) {
  process.stderr.write(`dh_view.js rejected ${file}: ${e}\n`);
  process.exit(1);
}
