"""Where text comes from: files, directories and standard input, decoded in bounded memory."""
