;;; eglot_smoke.el --- Emacs + Eglot as a real LSP client of the gov-report server  -*- lexical-binding: t -*-
;; Run: emacs --batch -l eglot_smoke.el   (Debian: emacs-nox 28 + elpa-eglot 1.9; not -Q, so that Debian's
;; site-start puts elpa/* on the load-path).
;; Env: LSP_SERVER (server.js), SAMPLE (a copy of a report: it is edited), EXPECT_RULE + EXPECT_LINE (0-based) a
;; finding that must be published. The first quick fix with an edit for that finding is applied through Eglot,
;; and the next diagnostics must have one such finding fewer on that line. Prints one JSON line; exit 0 = pass.
(require 'eglot)
(require 'json)
(require 'cl-lib)
(require 'url-util)

(defvar smoke-server (or (getenv "LSP_SERVER") (error "set LSP_SERVER")))
(defvar smoke-sample (or (getenv "SAMPLE") (error "set SAMPLE")))
(defvar smoke-rule (or (getenv "EXPECT_RULE") (error "set EXPECT_RULE")))
(defvar smoke-line (string-to-number (or (getenv "EXPECT_LINE") (error "set EXPECT_LINE"))))
(define-derived-mode govreport-mode text-mode "GovReport")

;; The raw publishDiagnostics as Eglot receives them (flymake shows them on idle timers, which never fire in
;; --batch), with a count of the notifications so that a wait can ask for a newer one.
(defvar smoke-diags nil)
(defvar smoke-published 0)
;; Only the sample's own: the server's background pass over the folder publishes the other reports' findings too.
(defun smoke-own-uri-p (uri)
  (string-suffix-p (concat "/" (file-name-nondirectory smoke-sample)) (url-unhex-string uri)))
(cl-defmethod eglot-handle-notification :before
  (_server (_method (eql textDocument/publishDiagnostics)) &key uri diagnostics &allow-other-keys)
  (when (smoke-own-uri-p uri)
    (setq smoke-diags (append diagnostics nil) smoke-published (1+ smoke-published))))

(defun smoke-fail (fmt &rest args)
  (princ (json-encode `((ok . :json-false) (sample . ,(file-name-nondirectory smoke-sample)) (error . ,(apply #'format fmt args)))))
  (terpri) (kill-emacs 1))

(defun smoke-wait (pred what)
  "Process server output until PRED holds; fail after 15 s."
  (let ((deadline (+ (float-time) 15)))
    (while (and (not (funcall pred)) (< (float-time) deadline)) (accept-process-output nil 0.05))
    (unless (funcall pred) (smoke-fail "timed out waiting for %s" what))))

(defun smoke-code (d) (let ((c (plist-get d :code))) (if (stringp c) c (format "%s" c))))
(defun smoke-at-line (diags)
  (cl-remove-if-not (lambda (d) (and (equal (smoke-code d) smoke-rule)
                                     (= (plist-get (plist-get (plist-get d :range) :start) :line) smoke-line)))
                    diags))

(condition-case err
    (with-current-buffer (find-file-noselect smoke-sample)
      (govreport-mode)
      ;; eglot-ensure only arms a post-command-hook (never run in batch), and the sample's folder is no VC
      ;; project: start Eglot directly with a transient project. Eglot 1.9 wants a list of modes.
      (let ((eglot-sync-connect t))
        (eglot '(govreport-mode) (cons 'transient default-directory) 'eglot-lsp-server
               `("node" ,smoke-server "--stdio") "gov-report"))
      (let* ((server (or (eglot-current-server) (smoke-fail "no server")))
             (doc `(:textDocument ,(eglot--TextDocumentIdentifier))))
        (smoke-wait (lambda () smoke-diags) "diagnostics")
        (let* ((before (smoke-at-line smoke-diags))
               (target (or (car before) (smoke-fail "no %s on line %d: %S" smoke-rule smoke-line (mapcar #'smoke-code smoke-diags))))
               (actions (jsonrpc-request server :textDocument/codeAction
                                         (append doc `(:range ,(plist-get target :range)
                                                       :context (:diagnostics ,(vector target) :only ["quickfix"])))))
               (fix (or (cl-find-if (lambda (a) (plist-get a :edit)) actions)
                        (smoke-fail "no quick fix with an edit among %S" (mapcar (lambda (a) (plist-get a :title)) actions))))
               (published smoke-published))
          (eglot--apply-workspace-edit (plist-get fix :edit))
          ;; Eglot sends didChange on an idle timer; in batch, send it now.
          (eglot--signal-textDocument/didChange)
          (smoke-wait (lambda () (and (> smoke-published published) (< (length (smoke-at-line smoke-diags)) (length before))))
                      "diagnostics after the fix")
          (let ((symbols (jsonrpc-request server :textDocument/documentSymbol doc)))
            (princ (json-encode
                    `((ok . t) (sample . ,(file-name-nondirectory smoke-sample)) (emacs . ,emacs-version)
                      (rule . ,smoke-rule) (line . ,smoke-line)
                      (before . ,(length before)) (after . ,(length (smoke-at-line smoke-diags)))
                      (diagnostics . ,(length smoke-diags)) (fix . ,(plist-get fix :title))
                      (line-after . ,(save-excursion (goto-char (point-min)) (forward-line smoke-line)
                                                     (buffer-substring-no-properties (point) (line-end-position))))
                      (outline . ,(vconcat (mapcar (lambda (s) (plist-get s :name)) symbols))))))
            (terpri))
          (eglot-shutdown server)
          (kill-emacs 0))))
  (error (smoke-fail "%S" err)))
