	.pushsection .allocguard.summary,"",@progbits
	.ascii "AGSUMMRY\001\000\000\0001\000\000\000\003\006util.c\012make_label\006strdup\000\001\002\001\001\001\000\001\002\002\002\003\000\000\000\001\000\001\002\001\002*\000"
	.popsection
